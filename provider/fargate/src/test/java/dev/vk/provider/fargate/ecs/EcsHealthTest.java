package dev.vk.provider.fargate.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/** The node pings every few seconds; ECS sees one DescribeClusters a minute while it answers. */
class EcsHealthTest {
  private final TestingClock clock = new TestingClock();
  private final FakeEcs ecs = new FakeEcs();
  private final EcsHealth health = new EcsHealth(ecs, "vk", clock);

  @Test
  void aSuccessIsTrustedForAMinute() throws Exception {
    for (int i = 0; i < 6; i++) {
      health.check();
      clock.advance(Duration.ofSeconds(10)); // the node's ping interval
    }
    assertThat(ecs.calls).hasValue(1);

    clock.advance(Duration.ofSeconds(1));
    health.check();
    assertThat(ecs.calls).as("asked again once the minute is over").hasValue(2);
  }

  @Test
  void aFailureIsNotTrusted() throws Exception {
    ecs.status = "INACTIVE";
    assertThatThrownBy(health::check)
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE))
        .hasMessageContaining("vk");

    ecs.status = "ACTIVE";
    health.check();
    health.check();
    assertThat(ecs.calls).as("the failure cached nothing; the success is trusted").hasValue(2);
  }

  /** Answers DescribeClusters with one cluster in {@link #status}; counts the calls. */
  private static final class FakeEcs implements EcsClient {
    final AtomicInteger calls = new AtomicInteger();
    volatile String status = "ACTIVE";

    @Override
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
      calls.incrementAndGet();
      return DescribeClustersResponse.builder()
          .clusters(Cluster.builder().clusterName(request.clusters().get(0)).status(status).build())
          .build();
    }

    @Override
    public String serviceName() {
      return "ecs";
    }

    @Override
    public void close() {}
  }
}
