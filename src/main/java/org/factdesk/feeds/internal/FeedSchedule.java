package org.factdesk.feeds.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.factdesk.feeds.FeedId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The polls of feeds as db-scheduler work: one instance of the task {@value #TASK} per active feed, its id the feed's
 * id. The scheduler picks each due instance on exactly one node, runs it ({@link FeedPoller#poll}) and, when it
 * completes, reschedules it for the time the poll decided (one interval later, or a back-off after a failure), or
 * removes it when the feed was paused or deleted meanwhile. Each feed is thus its own execution: a slow or broken
 * feed holds one scheduler thread for at most the fetcher's timeout and never delays the bookkeeping of another.
 *
 * <p>Where the scheduler is disabled (commands), nothing is scheduled; {@link FeedScheduleRepair} schedules every
 * active feed that lacks its instance when the desk next starts.
 */
@Component
public class FeedSchedule {

    public static final String TASK = "feeds-poll";

    private final ObjectProvider<Scheduler> scheduler;

    FeedSchedule(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Polls the feed at {@code when}, replacing the time planned. False when the feed is being polled right now (its
     * execution then decides the next time itself) or when no scheduler runs here.
     */
    public boolean pollAt(FeedId feed, Instant when) {
        Scheduler running = scheduler.getIfAvailable();
        if (running == null) {
            return false;
        }
        try {
            return running.schedule(instance(feed), when, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException polling) {
            return false;
        }
    }

    /** Schedules the feed's instance at {@code when} unless it has one already. */
    public void ensure(FeedId feed, Instant when) {
        Scheduler running = scheduler.getIfAvailable();
        if (running != null) {
            running.scheduleIfNotExists(instance(feed), when);
        }
    }

    /**
     * Removes the feed's instance. A poll running at that moment finishes, finds the feed paused or gone and ends
     * its instance itself.
     */
    public void cancel(FeedId feed) {
        Scheduler running = scheduler.getIfAvailable();
        if (running == null) {
            return;
        }
        try {
            running.cancel(TaskInstanceId.of(TASK, feed.toString()));
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException ignored) {
            // nothing planned, or the running poll will see the change
        }
    }

    /** When the feed's instance is due, as the scheduler has it; empty when it has none. */
    public Optional<Instant> plannedPoll(FeedId feed) {
        Scheduler running = scheduler.getIfAvailable();
        if (running == null) {
            return Optional.empty();
        }
        return running.getScheduledExecution(TaskInstanceId.of(TASK, feed.toString()))
                .map(execution -> execution.getExecutionTime());
    }

    /** Asks the scheduler to look for due polls now instead of at its next polling interval. */
    public void wakeUp() {
        Scheduler running = scheduler.getIfAvailable();
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    private static TaskInstance<Void> instance(FeedId feed) {
        return new TaskInstance<>(TASK, feed.toString());
    }

    @Configuration(proxyBeanMethods = false)
    static class FeedPollTask {

        /**
         * The poll task. {@link FeedPoller#poll} records every failure of a feed itself and never throws; the
         * scheduler's own failure handler (an exponential back-off from five minutes) only covers what it cannot
         * record, such as the database being down.
         */
        @Bean
        Task<Void> feedPollTask(FeedPoller poller) {
            return Tasks.custom(TASK, Void.class)
                    .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(5)))
                    .execute((instance, context) -> {
                        Optional<Instant> next = poller.poll(FeedId.valueOf(instance.getId()));
                        if (next.isPresent()) {
                            Instant at = next.get();
                            return (CompletionHandler<Void>)
                                    (complete, operations) -> operations.reschedule(complete, at);
                        }
                        return (complete, operations) -> operations.remove();
                    });
        }
    }
}
