package dev.vk.node.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.NodeConfigurer;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FencedProviderTest {
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Cloud cloud = new Cloud();
  private final PodLifecycle fenced = FencedProvider.wrap(cloud, open::get);

  /** A provider that records the calls that reached it. */
  private static final class Cloud implements PodLifecycle, NodeConfigurer, AutoCloseable {
    final List<String> calls = new ArrayList<>();

    @Override
    public void createPod(V1Pod pod) {
      calls.add("create");
    }

    @Override
    public void updatePod(V1Pod pod) {
      calls.add("update");
    }

    @Override
    public void deletePod(V1Pod pod) throws ProviderException {
      calls.add("delete");
      throw ProviderException.notFound("gone");
    }

    @Override
    public Optional<V1Pod> getPod(String namespace, String name) {
      calls.add("getPod");
      return Optional.empty();
    }

    @Override
    public List<V1Pod> getPods() {
      calls.add("getPods");
      return List.of();
    }

    @Override
    public void configureNode(V1Node node) {
      calls.add("configureNode");
    }

    @Override
    public void close() {
      calls.add("close");
    }
  }

  @Test
  @DisplayName("an open gate passes calls and the provider's own exceptions through")
  void openPasses() throws Exception {
    fenced.createPod(Pods.pod("ns", "p"));
    assertThatThrownBy(() -> fenced.deletePod(Pods.pod("ns", "p")))
        .isInstanceOf(ProviderException.class)
        .hasMessage("gone");
    assertThat(cloud.calls).containsExactly("create", "delete");
  }

  @Test
  @DisplayName("a closed gate stops every call before the cloud, except close")
  void closedRefuses() throws Exception {
    open.set(false);
    V1Pod pod = Pods.pod("ns", "p");
    assertThatThrownBy(() -> fenced.createPod(pod))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("not the leader")
        .extracting(e -> ((ProviderException) e).kind())
        .isEqualTo(ProviderException.Kind.UNAVAILABLE);
    assertThatThrownBy(() -> fenced.updatePod(pod)).isInstanceOf(ProviderException.class);
    assertThatThrownBy(() -> fenced.deletePod(pod)).isInstanceOf(ProviderException.class);
    assertThatThrownBy(fenced::getPods).isInstanceOf(ProviderException.class);
    assertThatThrownBy(() -> ((NodeConfigurer) fenced).configureNode(new V1Node()))
        .isInstanceOf(IllegalStateException.class);
    ((AutoCloseable) fenced).close();
    assertThat(cloud.calls).containsExactly("close");
  }

  @Test
  @DisplayName("the optional abilities of the provider stay visible through the fence")
  void keepsInterfaces() {
    assertThat(fenced).isInstanceOf(NodeConfigurer.class).isInstanceOf(AutoCloseable.class);
  }
}
