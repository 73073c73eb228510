package org.factdesk.tipline;

import org.factdesk.shared.InvalidInput;
import org.springframework.http.HttpStatus;

/** The typed refusals of the tipline. */
public final class TiplineExceptions {

    private TiplineExceptions() {}

    /** The tip cannot be accepted as it is (empty, too long, a malformed link). */
    public static final class InvalidTip extends InvalidInput {
        public InvalidTip(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The sender sent more tips than the abuse limit allows; they may try again after the window. */
    public static final class TooManyTips extends InvalidInput {

        private final boolean firstRefusal;

        public TooManyTips(boolean firstRefusal, long minutes) {
            super(HttpStatus.TOO_MANY_REQUESTS, "tipline.error.too-many", minutes);
            this.firstRefusal = firstRefusal;
        }

        /** True for the first refusal in a window: a chat is told once, not on every further message. */
        public boolean firstRefusal() {
            return firstRefusal;
        }
    }
}
