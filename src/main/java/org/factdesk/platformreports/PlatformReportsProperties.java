package org.factdesk.platformreports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of platform reports.
 *
 * @param noResponseAfter days a report may wait since its last step (the submission, or the acknowledgement) before
 *     the desk records NO_RESPONSE by itself, dated at that deadline
 * @param sweepInterval how often the desk looks for reports past that deadline
 * @param policies the class-path resource of the maintained list of platforms and their policy categories
 */
@ConfigurationProperties("factdesk.platformreports")
public record PlatformReportsProperties(
        @DefaultValue("30") int noResponseAfter,
        @DefaultValue("PT1H") Duration sweepInterval,
        @DefaultValue("platformreports/policies.yml") String policies) {

    public PlatformReportsProperties {
        if (noResponseAfter < 1) {
            throw new IllegalArgumentException("factdesk.platformreports.no-response-after must be at least 1 day");
        }
    }

    public Duration noResponseWait() {
        return Duration.ofDays(noResponseAfter);
    }
}
