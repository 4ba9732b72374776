package dev.vk.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

  @Test
  void factoryMakesNumberedDaemons() {
    ThreadFactory factory = DaemonThreads.factory("aci-logs");

    Thread first = factory.newThread(() -> {});
    Thread second = factory.newThread(() -> {});

    assertThat(first.isDaemon()).isTrue();
    assertThat(first.getName()).isEqualTo("aci-logs-1");
    assertThat(second.getName()).isEqualTo("aci-logs-2");
  }

  @Test
  void startRunsTheTaskOnANamedDaemon() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);

    Thread thread = DaemonThreads.start("splice", ran::countDown);

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.getName()).isEqualTo("splice");
  }
}
