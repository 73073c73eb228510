package org.factdesk.shared;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
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
 * ready) and stops with the application, letting running executions finish for a few seconds; see
 * {@link SchedulerLifecycle}. Commands that only
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
        // startTasks registers the recurring tasks itself: listing them among the known ones too is a duplicate.
        tasks.orderedStream().forEach(task -> {
            if (task instanceof RecurringTask<?> started) {
                recurring.add(started);
            } else {
                known.add(task);
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
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    /**
     * Starts the scheduler once the application is up, and stops it for good when the application closes (letting
     * running executions finish for a few seconds). In between, a lifecycle stop only pauses it: Spring stops and
     * restarts the lifecycle of a context that is paused and resumed (the test framework does so with cached
     * contexts), and a db-scheduler that was stopped cannot start again.
     */
    static final class SchedulerLifecycle implements SmartLifecycle, DisposableBean {

        private final Scheduler scheduler;
        private boolean started;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public synchronized void start() {
            if (started) {
                scheduler.resume();
            } else {
                scheduler.start();
                started = true;
            }
            running = true;
        }

        @Override
        public synchronized void stop() {
            scheduler.pause();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public synchronized void destroy() {
            if (started) {
                scheduler.stop();
            }
        }
    }
}
