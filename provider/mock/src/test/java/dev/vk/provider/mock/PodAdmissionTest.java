package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pods the mock refuses, and how it says so. */
class PodAdmissionTest {

  private final InMemoryProvider provider = new InMemoryProvider(Contexts.context());

  @Test
  @DisplayName("mock.vk.dev/fail-create makes createPod fail as invalid with that message")
  void failCreateAnnotation() throws Exception {
    V1Pod pod = Pods.pod("ns", "doomed");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/fail-create", "quota exceeded for pods");

    assertInvalid(pod).hasMessage("quota exceeded for pods");
    assertThat(provider.getPods()).isEmpty();
    assertThat(provider.callCounts()).containsEntry("create", 1L);
  }

  @Test
  @DisplayName("a pod on the host network is refused, naming spec.hostNetwork")
  void hostNetworkRefused() throws Exception {
    V1Pod pod = Pods.pod("ns", "host");
    pod.getSpec().setHostNetwork(true);

    assertInvalid(pod).hasMessageStartingWith("spec.hostNetwork:");
    assertThat(provider.getPod("ns", "host")).isEmpty();
  }

  @Test
  @DisplayName("a malformed behaviour annotation is refused, naming the annotation")
  void malformedAnnotationRefused() {
    V1Pod pod = Pods.pod("ns", "bad");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", "soon");

    assertInvalid(pod)
        .hasMessageContaining("metadata.annotations[mock.vk.dev/exit-after]")
        .hasMessageContaining("soon");
  }

  @Test
  @DisplayName("an exit code outside 0..255 is refused, naming the annotation")
  void exitCodeOutOfRange() {
    V1Pod pod = Pods.pod("ns", "bad");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-code", "300");

    assertInvalid(pod).hasMessageContaining("metadata.annotations[mock.vk.dev/exit-code]");
  }

  @Test
  @DisplayName("a pod without containers is refused, naming spec.containers")
  void noContainersRefused() {
    V1Pod pod = Pods.pod("ns", "empty");
    pod.getSpec().getContainers().clear();

    assertInvalid(pod).hasMessageStartingWith("spec.containers:");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(V1Pod pod) {
    return assertThatThrownBy(() -> provider.createPod(pod))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT));
  }
}
