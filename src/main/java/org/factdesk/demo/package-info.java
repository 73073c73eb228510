/** The sample desk loaded by {@code --demo}: two units, users in every role, health-rumour items and cases. */
@NullMarked
package org.factdesk.demo;

import org.jspecify.annotations.NullMarked;
