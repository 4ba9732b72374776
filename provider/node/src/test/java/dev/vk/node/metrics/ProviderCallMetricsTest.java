package dev.vk.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerLogSource;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodStatusNotifier;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderCallMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FakeProvider fake = new FakeProvider();
  private final PodLifecycle provider = ProviderCallMetrics.instrument(fake, "fake", registry);

  /** Lifecycle plus logs and closing; no exec, no status push. */
  static class FakeProvider implements PodLifecycle, ContainerLogSource, AutoCloseable {
    ProviderException next;
    boolean closed;

    private void maybeFail() throws ProviderException {
      ProviderException e = next;
      next = null;
      if (e != null) {
        throw e;
      }
    }

    @Override
    public void createPod(V1Pod pod) throws ProviderException {
      maybeFail();
    }

    @Override
    public void updatePod(V1Pod pod) throws ProviderException {
      maybeFail();
    }

    @Override
    public void deletePod(V1Pod pod) throws ProviderException {
      maybeFail();
    }

    @Override
    public Optional<V1Pod> getPod(String namespace, String name) throws ProviderException {
      maybeFail();
      return Optional.empty();
    }

    @Override
    public List<V1Pod> getPods() throws ProviderException {
      maybeFail();
      return List.of();
    }

    @Override
    public Flow.Publisher<LogLine> logs(ContainerRef container, LogOptions options)
        throws ProviderException {
      maybeFail();
      return new SubmissionPublisher<>();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private double count(String operation, String outcome) {
    Timer t =
        registry
            .find(ProviderCallMetrics.CALLS)
            .tags("provider", "fake", "operation", operation, "outcome", outcome)
            .timer();
    return t == null ? 0 : t.count();
  }

  @Test
  @DisplayName("the wrapper offers exactly the abilities the provider has")
  void abilitiesPreserved() throws Exception {
    assertThat(provider).isInstanceOf(ContainerLogSource.class).isInstanceOf(AutoCloseable.class);
    assertThat(provider).isNotInstanceOf(ContainerExecutor.class);
    assertThat(provider).isNotInstanceOf(PodStatusNotifier.class);
    ((AutoCloseable) provider).close();
    assertThat(fake.closed).isTrue();
  }

  @Test
  @DisplayName("calls are timed by operation and outcome; failures pass through unchanged")
  void outcomes() throws Exception {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    provider.createPod(pod);
    provider.createPod(pod);
    provider.getPods();
    ((ContainerLogSource) provider).logs(null, null);
    ProviderException invalid = ProviderException.invalid("no GPUs here");
    fake.next = invalid;
    assertThatThrownBy(() -> provider.createPod(pod)).isSameAs(invalid);

    assertThat(count("createPod", "ok")).isEqualTo(2);
    assertThat(count("createPod", "invalid_input")).isEqualTo(1);
    assertThat(count("getPods", "ok")).isEqualTo(1);
    assertThat(count("logs", "ok")).isEqualTo(1);
    assertThat(registry.find(ProviderCallMetrics.CALLS).tag("operation", "close").timer()).isNull();
  }

  @Test
  @DisplayName("a throttled call counts as throttled, by provider and operation")
  void throttled() {
    fake.next =
        new ProviderException(
            ProviderException.Kind.THROTTLED, "slow down", Duration.ofSeconds(3), null);
    assertThatThrownBy(() -> provider.deletePod(Pods.pod("default", "web")))
        .isInstanceOf(ProviderException.class);
    Counter throttled =
        registry
            .find(ProviderCallMetrics.THROTTLED)
            .tags("provider", "fake", "operation", "deletePod")
            .counter();
    assertThat(throttled).isNotNull();
    assertThat(throttled.count()).isEqualTo(1);
    assertThat(count("deletePod", "throttled")).isEqualTo(1);
  }
}
