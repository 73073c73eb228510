/** Intake: what people are seeing (links, posts, tips), recognised when it arrives twice, searchable in the inbox. */
@NullMarked
package org.factdesk.intake;

import org.jspecify.annotations.NullMarked;
