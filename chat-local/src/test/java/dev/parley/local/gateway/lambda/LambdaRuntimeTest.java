package dev.parley.local.gateway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LambdaRuntimeTest {

    private static final int LAMBDA_CONCURRENCY = 1000;

    @Test
    @Timeout(30)
    void givenInvocationsOneAfterAnother_pool_reusesItsIdleThreadInsteadOfMakingOneEach() throws Exception {
        try (var runtime = new LambdaRuntime(Clock.systemUTC(), line -> { })) {
            for (int invocation = 0; invocation < 100; invocation++) {
                CompletableFuture.runAsync(() -> { }, runtime.pool()).get(5, TimeUnit.SECONDS);
                Thread.sleep(2);
            }

            assertThat(runtime.threads()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    @Timeout(60)
    void givenEveryThreadBusy_nextInvocation_waitsForOneInsteadOfBeingRefused() throws Exception {
        try (var runtime = new LambdaRuntime(Clock.systemUTC(), line -> { })) {
            var release = new CountDownLatch(1);
            var running = new CountDownLatch(LAMBDA_CONCURRENCY);
            for (int invocation = 0; invocation < LAMBDA_CONCURRENCY; invocation++) {
                runtime.pool().execute(() -> {
                    running.countDown();
                    await(release);
                });
            }
            assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

            var waiting = CompletableFuture.runAsync(() -> { }, runtime.pool());
            Thread.sleep(200);
            assertThat(waiting).isNotDone();
            assertThat(runtime.threads()).isEqualTo(LAMBDA_CONCURRENCY);

            release.countDown();
            waiting.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void givenStoppedRuntime_invocation_isRefused() {
        var runtime = new LambdaRuntime(Clock.systemUTC(), line -> { });
        runtime.close();

        assertThatThrownBy(() -> runtime.pool().execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
