package dev.vk.provider.fargate.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunTaskLimiterTest {
  @Test
  void allowsTheBurstThenOnePermitPerIntervalOfTheRate() {
    AtomicLong nanos = new AtomicLong();
    RunTaskLimiter limiter = new RunTaskLimiter(10, 2, nanos::get);

    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofMillis(100));
    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isPositive();
  }
}
