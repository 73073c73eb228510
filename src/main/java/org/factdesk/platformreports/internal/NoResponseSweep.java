package org.factdesk.platformreports.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.factdesk.platformreports.PlatformReportManagement;
import org.factdesk.platformreports.PlatformReportsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring job that records NO_RESPONSE for reports the platforms left unanswered past the configured number of
 * days. A db-scheduler task, so that on several nodes it runs on one at a time; a sweep missed while the desk was
 * down is caught up by the next one, since each overdue report is dated at its own deadline.
 */
@Configuration(proxyBeanMethods = false)
class NoResponseSweep {

    static final String TASK = "platformreports-no-response";

    private static final Logger log = LoggerFactory.getLogger(NoResponseSweep.class);

    @Bean
    RecurringTask<Void> platformReportsNoResponse(
            PlatformReportManagement reports, PlatformReportsProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.sweepInterval())).execute((instance, context) -> {
            int moved = reports.recordMissingResponses();
            if (moved > 0) {
                log.info("Recorded NO_RESPONSE for {} platform reports", moved);
            }
        });
    }
}
