/** The network: units (organisations), user accounts, roles per unit, API tokens and sign-in. */
@NullMarked
package org.factdesk.network;

import org.jspecify.annotations.NullMarked;
