package org.factdesk.archive.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.factdesk.shared.ItemId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task that fetches an item's URL: one instance per item, its id the item's id, so however many nodes
 * run, one of them fetches a given URL at a time. An attempt that should be retried reschedules the same instance at
 * the back-off time the {@link LinkArchiver} computed; otherwise the instance is removed. An unexpected exception (the
 * database away) is retried a few times, 5 minutes apart, by db-scheduler itself.
 */
@Configuration(proxyBeanMethods = false)
class LinkFetchTask {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("archive-link-fetch", Void.class);

    @Bean
    CustomTask<Void> linkFetch(LinkArchiver archiver) {
        return Tasks.custom(TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        5, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(5))))
                .execute((instance, context) -> {
                    LinkArchiver.Attempt attempt = archiver.attempt(ItemId.valueOf(instance.getId()));
                    if (attempt.retryAt() == null) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    return (complete, operations) -> operations.reschedule(complete, attempt.retryAt());
                });
    }
}
