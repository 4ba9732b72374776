package dev.vk.provider.aci.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.registry.Entrypoints;
import io.kubernetes.client.openapi.models.V1Container;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kubernetes command/args to ACI's one command. */
class ImageCommandsTest {

  private final ImageCommands known =
      new ImageCommands(
          (image, creds) ->
              image.repository().equals("library/nginx")
                  ? List.of("/docker-entrypoint.sh")
                  : List.of(),
          null);

  @Test
  void argsWithoutCommandKeepTheImagesEntrypoint() throws Exception {
    V1Container c = new V1Container().image("nginx:1.27").args(List.of("nginx", "-g", "x"));

    assertThat(known.command("spec.containers[0]", c))
        .containsExactly("/docker-entrypoint.sh", "nginx", "-g", "x");
  }

  @Test
  void argsOfAnImageWithoutEntrypointAreTheCommand() throws Exception {
    V1Container c = new V1Container().image("busybox").args(List.of("sleep", "9"));

    assertThat(known.command("spec.containers[0]", c)).containsExactly("sleep", "9");
  }

  @Test
  void commandReplacesEntrypointAndArgsFollow() throws Exception {
    V1Container c = new V1Container().image("nginx").command(List.of("sh")).args(List.of("-c"));

    assertThat(known.command("f", c)).containsExactly("sh", "-c");
    assertThat(known.command("f", new V1Container().image("nginx"))).isNull();
  }

  @Test
  void anUnknownEntrypointRefusesNamingTheFieldAndKeepsTheKind() {
    ImageCommands unreachable =
        new ImageCommands(
            (image, creds) -> {
              throw new ProviderException(
                  ProviderException.Kind.UNAVAILABLE, "registry x cannot be reached");
            },
            null);
    V1Container c = new V1Container().image("x.io/app:1").args(List.of("run"));

    assertThatThrownBy(() -> unreachable.command("spec.initContainers[1]", c))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE))
        .hasMessageStartingWith("spec.initContainers[1].args: ")
        .hasMessageContaining("registry x cannot be reached")
        .hasMessageContaining("set command as well");
    assertThatThrownBy(
            () -> new ImageCommands(Entrypoints.UNKNOWN, null).command("spec.containers[0]", c))
        .hasMessageStartingWith("spec.containers[0].args: ");
  }
}
