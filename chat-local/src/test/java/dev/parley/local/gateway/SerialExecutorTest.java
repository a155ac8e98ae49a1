package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task);
        thread.setUncaughtExceptionHandler((failed, failure) -> uncaught.add(failure));
        return thread;
    });

    @Test
    void givenTasksFromManyThreads_execute_runsThemOneAtATimeInSubmissionOrder() throws Exception {
        var serial = new SerialExecutor(pool);
        List<Integer> order = new CopyOnWriteArrayList<>();
        var done = new CountDownLatch(200);
        for (int task = 0; task < 200; task++) {
            int number = task;
            serial.execute(() -> {
                order.add(number);
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).isSorted().hasSize(200);
        pool.shutdown();
    }

    @Test
    void givenPoolStoppingWhileATaskRuns_nextTask_isDroppedWithoutAnUncaughtException() throws Exception {
        var serial = new SerialExecutor(pool);
        var firstRunning = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var secondRan = new CountDownLatch(1);
        serial.execute(() -> {
            firstRunning.countDown();
            awaitQuietly(release);
        });
        serial.execute(secondRan::countDown);

        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        release.countDown();

        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(secondRan.getCount()).isEqualTo(1);
        assertThat(uncaught).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
