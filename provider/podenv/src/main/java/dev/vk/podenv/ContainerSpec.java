package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.List;

/**
 * The parts of a container that environment resolution reads. {@link V1Container} and {@link
 * V1EphemeralContainer} share no type, though the kubelet treats them alike here.
 */
record ContainerSpec(
    String name,
    List<V1EnvVar> env,
    List<V1EnvFromSource> envFrom,
    List<String> command,
    List<String> args,
    V1ResourceRequirements resources) {

  static ContainerSpec of(V1Container c) {
    return new ContainerSpec(
        c.getName(), c.getEnv(), c.getEnvFrom(), c.getCommand(), c.getArgs(), c.getResources());
  }

  static ContainerSpec of(V1EphemeralContainer c) {
    return new ContainerSpec(
        c.getName(), c.getEnv(), c.getEnvFrom(), c.getCommand(), c.getArgs(), c.getResources());
  }
}
