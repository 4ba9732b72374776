package dev.vk.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.kubeletapi.spi.KubeletApiListener;
import dev.vk.node.pod.ApiPods;
import dev.vk.node.pod.KeyedWorkQueue;
import dev.vk.node.pod.Outcome;
import dev.vk.node.pod.StatusWriter;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodeMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double writes(String result) {
    return registry.get("vk.pod.status.writes").tag("result", result).functionCounter().count();
  }

  @Test
  @DisplayName("status writes are counted as sent, unchanged or failed")
  void statusWrites() throws Exception {
    AtomicInteger refuse = new AtomicInteger();
    ApiPods api =
        new ApiPods() {
          @Override
          public V1Pod get(String key) {
            return null;
          }

          @Override
          public List<V1Pod> list() {
            return List.of();
          }

          @Override
          public void deleteNow(V1Pod pod) {}

          @Override
          public void patchStatus(V1Pod pod, V1PodStatus status, Map<String, String> annotations)
              throws ApiException {
            if (refuse.get() > 0) {
              throw new ApiException(500, "etcd is unhappy");
            }
            pod.setStatus(status);
          }
        };
    StatusWriter writer = new StatusWriter(api, "10.0.0.2");
    NodeMeters.statusWrites(registry, writer);
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    writer.write(pod, new V1PodStatus().phase("Running"));
    writer.write(pod, new V1PodStatus().phase("Running"));
    refuse.set(1);
    assertThatThrownBy(() -> writer.write(pod, new V1PodStatus().phase("Failed")))
        .isInstanceOf(ApiException.class);

    assertThat(writes("sent")).isEqualTo(1);
    assertThat(writes("unchanged")).isEqualTo(1);
    assertThat(writes("failed")).isEqualTo(1);
  }

  @Test
  @DisplayName("a work queue shows its depth, its oldest waiting key and its retries")
  void workQueue() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    KeyedWorkQueue.Handler handler =
        key -> {
          if (key.equals("ns/slow")) {
            release.await(5, TimeUnit.SECONDS);
            return Outcome.DONE;
          }
          return runs.incrementAndGet() < 3 ? Outcome.retry("boom") : Outcome.DONE;
        };
    Duration fast = Duration.ofMillis(10);
    try (KeyedWorkQueue q = new KeyedWorkQueue("t", 1, handler, fast, fast)) {
      NodeMeters.workQueues(registry, Map.of("pod-sync", q));
      q.add("ns/slow");
      q.add("ns/waiting");
      q.start();
      // One worker holds ns/slow, so ns/waiting waits in the queue.
      await().atMost(Duration.ofSeconds(5)).until(() -> gauge("vk.workqueue.oldest.wait") > 0.05);
      assertThat(gauge("vk.workqueue.depth")).isEqualTo(2);
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> q.depth() == 0 && runs.get() == 3);
      assertThat(gauge("vk.workqueue.oldest.wait")).isZero();
      assertThat(
              registry
                  .get("vk.workqueue.retries")
                  .tag("queue", "pod-sync")
                  .functionCounter()
                  .count())
          .isEqualTo(2);
    }
  }

  private double gauge(String name) {
    var search = registry.get(name).tag("queue", "pod-sync");
    return name.endsWith("wait")
        ? search.timeGauge().value(TimeUnit.SECONDS)
        : search.gauge().value();
  }

  @Test
  @DisplayName(
      "open kubelet API streams go up and down per kind; requests count by route, method and code")
  void kubeletApi() {
    KubeletApiMeters meters = new KubeletApiMeters(registry);
    String exec = "/exec/{namespace}/{pod}/{container}";
    assertThat(registry.get(KubeletApiMeters.STREAMS).tag("stream", "exec").gauge().value())
        .isZero();
    meters.responded(exec, "POST", 101);
    meters.streamOpened(exec);
    meters.streamOpened(exec);
    meters.streamClosed(exec);
    assertThat(registry.get(KubeletApiMeters.STREAMS).tag("stream", "exec").gauge().value())
        .isEqualTo(1);
    assertThat(
            registry
                .get(KubeletApiMeters.REQUESTS)
                .tags("route", exec, "method", "POST", "code", "101")
                .counter()
                .count())
        .isEqualTo(1);
    meters.responded(KubeletApiListener.UNMATCHED, "BREW", 404);
    assertThat(
            registry
                .get(KubeletApiMeters.REQUESTS)
                .tags("route", "unmatched", "method", "OTHER", "code", "404")
                .counter()
                .count())
        .isEqualTo(1);
  }
}
