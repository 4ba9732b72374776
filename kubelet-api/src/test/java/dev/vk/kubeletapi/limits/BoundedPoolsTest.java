package dev.vk.kubeletapi.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoundedPoolsTest {
  @Test
  @DisplayName("threads plus queue, then a refusal; never more threads than configured")
  void bounded() throws Exception {
    ExecutorService pool = BoundedPools.create("test", 2, 1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(2);
    Runnable hold =
        () -> {
          running.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    try {
      pool.execute(hold);
      pool.execute(hold);
      assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
      pool.execute(hold); // queued
      assertThatThrownBy(() -> pool.execute(hold))
          .isInstanceOf(RejectedExecutionException.class)
          .hasMessage("test is full");
      assertThat(((ThreadPoolExecutor) pool).getPoolSize()).isEqualTo(2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
