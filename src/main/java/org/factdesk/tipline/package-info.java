/** Tipline: tips from the public (web form, Telegram bot, later Zalo and WhatsApp) answered with public fact-checks. */
@NullMarked
package org.factdesk.tipline;

import org.jspecify.annotations.NullMarked;
