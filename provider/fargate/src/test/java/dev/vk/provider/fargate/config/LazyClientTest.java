package dev.vk.provider.fargate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class LazyClientTest {
  private final AtomicInteger builds = new AtomicInteger();
  private final AtomicInteger closes = new AtomicInteger();

  private SdkAutoCloseable build() {
    builds.incrementAndGet();
    return closes::incrementAndGet;
  }

  @Test
  void buildsOnTheFirstGetAndOnlyOnce() {
    LazyClient<SdkAutoCloseable> lazy = LazyClient.of(this::build);
    assertThat(builds).hasValue(0);
    assertThat(lazy.built()).isFalse();

    SdkAutoCloseable first = lazy.get();
    assertThat(lazy.get()).isSameAs(first);
    assertThat(builds).hasValue(1);
    assertThat(lazy.built()).isTrue();
  }

  @Test
  void closingAClientNeverUsedBuildsNothing() {
    LazyClient<SdkAutoCloseable> lazy = LazyClient.of(this::build);
    lazy.close();
    assertThat(builds).hasValue(0);
    assertThat(closes).hasValue(0);
    assertThatThrownBy(lazy::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the client is closed");
    assertThat(builds).hasValue(0);
  }

  @Test
  void closingAUsedClientClosesItOnce() {
    LazyClient<SdkAutoCloseable> lazy = LazyClient.of(this::build);
    lazy.get();
    lazy.close();
    lazy.close();
    assertThat(closes).hasValue(1);
  }

  @Test
  void concurrentFirstCallsBuildOnce() throws InterruptedException {
    LazyClient<SdkAutoCloseable> lazy = LazyClient.of(this::build);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                lazy.get();
              });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(builds).hasValue(1);
  }
}
