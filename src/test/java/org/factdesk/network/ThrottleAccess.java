package org.factdesk.network;

import java.time.Clock;
import java.time.Duration;
import org.factdesk.network.internal.LoginThrottle;

/** Builds a {@link LoginThrottle} with a test clock. */
final class ThrottleAccess {

    private ThrottleAccess() {}

    static LoginThrottle create(int maxFailures, Duration window, Clock clock) {
        return LoginThrottle.forTests(maxFailures, window, clock);
    }
}
