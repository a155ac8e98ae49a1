package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void givenFullBucket_burstCalls_passThenTheNextIsThrottled() {
        var bucket = new TokenBucket(10, 3, nanos::get);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
    }

    @Test
    void givenEmptyBucket_time_refillsAtTheRateUpToTheBurst() {
        var bucket = new TokenBucket(10, 2, nanos::get);
        bucket.tryAcquire();
        bucket.tryAcquire();
        nanos.addAndGet(50_000_000); // half a token
        assertThat(bucket.tryAcquire()).isFalse();
        nanos.addAndGet(50_000_000);
        assertThat(bucket.tryAcquire()).isTrue();
        nanos.addAndGet(10_000_000_000L);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
    }

    @Test
    void givenNonsenseSettings_construction_fails() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, nanos::get)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1, nanos::get)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new TokenBucket(5, 0, nanos::get)).hasMessageContaining("burst");
    }
}
