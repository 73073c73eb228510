package org.factdesk.shared;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster-safe job runner (db-scheduler over the {@code scheduled_tasks} table): a module that needs work done
 * later, again, or on only one node at a time (a feed poll, a retried link fetch) declares a {@link Task} bean and
 * schedules instances of it through the {@link Scheduler}. A {@link RecurringTask} bean is started by itself.
 *
 * <p>The scheduler starts after the database is migrated (it is a {@link SmartLifecycle}, started once every bean is
 * ready) and stops with the application, letting running executions finish for a few seconds. Commands that only
 * import or evaluate set {@code factdesk.scheduler.enabled=false}: no jobs run in them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "factdesk.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SchedulerConfiguration {

    @Bean(destroyMethod = "")
    Scheduler scheduler(
            DataSource dataSource,
            ObjectProvider<Task<?>> tasks,
            @Value("${factdesk.scheduler.threads:4}") int threads,
            @Value("${factdesk.scheduler.polling-interval:PT5S}") Duration pollingInterval) {
        List<Task<?>> known = new ArrayList<>();
        List<RecurringTask<?>> recurring = new ArrayList<>();
        tasks.orderedStream().forEach(task -> {
            known.add(task);
            if (task instanceof RecurringTask<?> started) {
                recurring.add(started);
            }
        });
        return Scheduler.create(dataSource, known)
                .startTasks(recurring)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /**
             * A db-scheduler Scheduler cannot start again once stopped, so it takes no part in a context's pause and
             * restart (Spring's test context cache pauses contexts it is not using): it stops only on close.
             */
            @Override
            public boolean isPauseable() {
                return false;
            }
        };
    }
}
