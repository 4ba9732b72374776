package dev.vk.node.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.provider.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DropOldestExecutorTest {
  @Test
  @DisplayName(
      "while the worker is stuck (API outage) the queue stays bounded and keeps the newest")
  void dropsOldest() throws Exception {
    List<Integer> written = new CopyOnWriteArrayList<>();
    CountDownLatch outage = new CountDownLatch(1);
    CountDownLatch stuck = new CountDownLatch(1);
    try (DropOldestExecutor executor =
        new DropOldestExecutor("event", 3, DaemonThreads.factory("t"))) {
      executor.execute(
          () -> {
            stuck.countDown();
            try {
              outage.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      assertThat(stuck.await(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i <= 10; i++) {
        int id = i;
        executor.execute(() -> written.add(id));
      }
      assertThat(executor.dropped()).isEqualTo(7);
      outage.countDown();
      await().atMost(Duration.ofSeconds(30)).until(() -> written.size() == 3);
      assertThat(written).as("the newest three, in order").containsExactly(8, 9, 10);
      assertThat(executor.dropped()).isEqualTo(7);
    }
  }
}
