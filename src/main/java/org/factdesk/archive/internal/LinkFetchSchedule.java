package org.factdesk.archive.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.RuleViolation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules link fetches in the caller's transaction: the {@code scheduled_tasks} rows are written on the same
 * connection as the {@code archive_link} rows (a transaction-aware data source), so a link is never PENDING without a
 * fetch to come, nor a fetch scheduled for a link that was rolled back. Once that transaction commits, the running
 * scheduler (if this node runs one) is told to look for due executions at once instead of at its next poll.
 */
@Component
public class LinkFetchSchedule {

    private final CustomTask<Void> task;
    private final SchedulerClient client;
    private final ObjectProvider<Scheduler> scheduler;

    LinkFetchSchedule(CustomTask<Void> linkFetch, DataSource dataSource, ObjectProvider<Scheduler> scheduler) {
        this.task = linkFetch;
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), linkFetch)
                .jdbcCustomization(new AutodetectJdbcCustomization(dataSource, true))
                .build();
        this.scheduler = scheduler;
    }

    /** Fetches of these (new) items' URLs, due now, in one batch. */
    public void scheduleNew(Collection<ItemId> items, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        List<TaskInstance<?>> instances =
                items.stream().<TaskInstance<?>>map(this::instance).toList();
        if (instances.size() == 1) {
            client.scheduleIfNotExists(instance(items.iterator().next()), now);
        } else {
            client.scheduleBatch(instances, now);
        }
        triggerAfterCommit();
    }

    /**
     * A fetch of the item's URL now: a new execution, or the waiting one (a retry) brought forward.
     *
     * @throws RuleViolation when a fetch of it is running at this moment
     */
    public void fetchNow(ItemId item, Instant now) {
        TaskInstance<Void> instance = instance(item);
        if (!client.scheduleIfNotExists(instance, now)) {
            boolean running = client.getScheduledExecution(instance)
                    .map(execution -> execution.isPicked())
                    .orElse(false);
            if (running || !client.reschedule(instance, now)) {
                throw new RuleViolation("archive.error.fetch-running");
            }
        }
        triggerAfterCommit();
    }

    TaskInstance<Void> instance(ItemId item) {
        return task.instance(item.toString());
    }

    private void triggerAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    trigger();
                }
            });
        } else {
            trigger();
        }
    }

    private void trigger() {
        Scheduler running = scheduler.getIfAvailable();
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }
}
