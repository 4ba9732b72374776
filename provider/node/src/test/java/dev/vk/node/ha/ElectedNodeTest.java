package dev.vk.node.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ElectedNodeTest {
  private static ElectedNode.ElectionTimings timings(String identity) {
    return new ElectedNode.ElectionTimings(
        identity,
        Duration.ofSeconds(2),
        Duration.ofMillis(1200),
        Duration.ofMillis(100),
        System::nanoTime,
        Clock.systemUTC());
  }

  private final InMemoryLeaseStore lease = new InMemoryLeaseStore();
  private final List<String> nodes = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private final AtomicInteger started = new AtomicInteger();

  private ElectedNode start(InMemoryLeaseStore.Client store, String identity) {
    return ElectedNode.start(
        store,
        timings(identity),
        gate -> {
          int n = started.getAndIncrement();
          nodes.add("started " + n);
          return () -> nodes.add("closed " + n + (gate.open() ? " while open" : ""));
        },
        e -> nodes.add("failed"),
        meters);
  }

  private double leaderGauge() {
    return meters.get("vk.node.leader").gauge().value();
  }

  @Test
  @DisplayName(
      "the leader runs a node; cut off, it closes it behind a closed gate, and runs a new one when it leads again")
  void lifecycle() {
    InMemoryLeaseStore.Client store = lease.client();
    try (ElectedNode elected = start(store, "a")) {
      await().atMost(Duration.ofSeconds(5)).until(() -> nodes.contains("started 0"));
      assertThat(elected.isLeader()).isTrue();
      assertThat(leaderGauge()).isEqualTo(1.0);
      store.down = true;
      await().atMost(Duration.ofSeconds(5)).until(() -> nodes.contains("closed 0"));
      assertThat(elected.isLeader()).isFalse();
      assertThat(leaderGauge()).isEqualTo(0.0);
      store.down = false;
      await().atMost(Duration.ofSeconds(5)).until(() -> nodes.contains("started 1"));
      assertThat(nodes).containsExactly("started 0", "closed 0", "started 1");
      assertThat(meters.get("vk.node.leader.transitions").counter().count()).isEqualTo(3.0);
    }
    assertThat(nodes).endsWith("closed 1");
    assertThat(lease.current().holder()).as("released at shutdown").isEmpty();
  }

  @Test
  @DisplayName("a follower never starts a node while another replica renews the lease")
  void followerWaits() {
    try (ElectedNode first = start(lease.client(), "a")) {
      await().atMost(Duration.ofSeconds(5)).until(first::isLeader);
      nodes.clear();
      try (ElectedNode second = start(lease.client(), "b")) {
        await()
            .during(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(4))
            .until(() -> !second.isLeader());
        assertThat(nodes).isEmpty();
      }
    }
  }
}
