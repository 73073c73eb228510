/** Feed monitoring: units subscribe to RSS/Atom feeds, polled on their own schedule; new entries become items. */
@NullMarked
package org.factdesk.feeds;

import org.jspecify.annotations.NullMarked;
