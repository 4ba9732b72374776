package dev.vk.provider.fargate.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

class ImageChangeTest {

  @Test
  void aChangedImageIsRefusedNamingTheField() {
    V1Pod running = Pods.pod("ns", "web");
    V1Pod updated = Pods.pod("ns", "web");
    updated.getSpec().getContainers().get(0).setImage("busybox:1.37");

    assertThatThrownBy(() -> ImageChange.refuse(running, updated))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageStartingWith("spec.containers[0].image: a running ECS task cannot change")
        .hasMessageContaining("busybox:1.37");
  }

  @Test
  void metadataOnlyUpdatesPass() {
    V1Pod running = Pods.pod("ns", "web");
    V1Pod updated = Pods.pod("ns", "web");
    updated.getMetadata().putLabelsItem("tier", "front");

    assertThatCode(() -> ImageChange.refuse(running, updated)).doesNotThrowAnyException();
  }
}
