package dev.vk.provider.fargate.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.RateLimitListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

  @Test
  void reportsHowLongEachLaunchWaited() throws InterruptedException {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    RunTaskLimiter limiter =
        new RunTaskLimiter(
            20,
            1,
            System::nanoTime,
            new RateLimitListener() {
              @Override
              public void waited(String name, Duration wait) {
                assertThat(name).isEqualTo("run-task");
                waits.add(wait);
              }

              @Override
              public void throttled(String name) {}
            });
    limiter.acquire();
    limiter.acquire();
    assertThat(waits).hasSize(2);
    // The bucket held one permit; the second launch waited for the next.
    assertThat(waits.get(0)).isZero();
    assertThat(waits.get(1)).isPositive();
  }
}
