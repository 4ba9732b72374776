package dev.vk.provider.aci.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Image names as a runtime splits them, and where their registry's API is. */
class ImageRefTest {

  @Test
  void imageNamesSplitAsARuntimeSplitsThem() {
    assertThat(ImageRef.parse("busybox"))
        .isEqualTo(new ImageRef("docker.io", "library/busybox", "latest"));
    assertThat(ImageRef.parse("bitnami/redis:7"))
        .isEqualTo(new ImageRef("docker.io", "bitnami/redis", "7"));
    assertThat(ImageRef.parse("localhost:5000/app"))
        .isEqualTo(new ImageRef("localhost:5000", "app", "latest"));
    assertThat(ImageRef.parse("myreg.azurecr.io/team/app@sha256:ab"))
        .isEqualTo(new ImageRef("myreg.azurecr.io", "team/app", "sha256:ab"));
    assertThat(ImageRef.parse("busybox").apiHost()).isEqualTo("registry-1.docker.io");
  }
}
