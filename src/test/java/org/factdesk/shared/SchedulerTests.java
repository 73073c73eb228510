package org.factdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DeskTest
class SchedulerTests {

    @Autowired
    Scheduler desk;

    @Autowired
    DataSource dataSource;

    @Autowired
    SchedulerConfiguration.SchedulerLifecycle lifecycle;

    @Test
    void theDeskSchedulerRunsOnceTheApplicationIsUp() {
        assertThat(desk.getSchedulerState().isStarted()).isTrue();
        assertThat(desk.getSchedulerState().isShuttingDown()).isFalse();
    }

    /** The test framework stops and restarts the lifecycle of cached contexts; the scheduler must come back. */
    @Test
    void theDeskSchedulerPausesAndResumesWithTheContextLifecycle() {
        lifecycle.stop();
        try {
            assertThat(desk.getSchedulerState().isPaused()).isTrue();
        } finally {
            lifecycle.start();
        }
        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(desk.getSchedulerState().isPaused()).isFalse();
        assertThat(desk.getSchedulerState().isStarted()).isTrue();
    }

    @Test
    void runsAScheduledTaskInstanceWithItsDataFromTheMigratedTable() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>();
        String name = "scheduler-test-" + UUID.randomUUID();
        OneTimeTask<String> task = Tasks.oneTime(name, String.class).execute((instance, context) -> {
            seen.set(instance.getData());
            ran.countDown();
        });
        Scheduler scheduler = Scheduler.create(dataSource, task)
                .pollingInterval(Duration.ofMillis(100))
                .alwaysPersistTimestampInUTC()
                .build();
        scheduler.start();
        try {
            scheduler.schedule(task.instance("one", "đã kiểm chứng"), Instant.now());
            assertThat(ran.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.get()).isEqualTo("đã kiểm chứng");
        } finally {
            scheduler.stop();
        }
    }
}
