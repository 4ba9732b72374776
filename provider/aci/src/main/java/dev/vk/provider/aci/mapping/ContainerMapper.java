package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.Container;
import com.azure.resourcemanager.containerinstance.models.ContainerNetworkProtocol;
import com.azure.resourcemanager.containerinstance.models.ContainerPort;
import com.azure.resourcemanager.containerinstance.models.EnvironmentVariable;
import com.azure.resourcemanager.containerinstance.models.InitContainerDefinition;
import com.azure.resourcemanager.containerinstance.models.ResourceRequirements;
import com.azure.resourcemanager.containerinstance.models.VolumeMount;
import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One Kubernetes container to an ACI container or init container.
 *
 * <p>Environment: the node resolves env before createPod and the resolved pod no longer says which
 * values came from a Secret ({@code valueFrom}/{@code envFrom} are gone, see provider/podenv). So
 * every value is sent as {@code secureValue}: ARM never echoes it back and the portal hides it.
 * Nothing the provider does needs the values back, so the only cost is that plain values are not
 * visible in Azure.
 */
final class ContainerMapper {

  private ContainerMapper() {}

  static Container container(
      String field,
      V1Container c,
      ImageCommands commands,
      ResourceRequirements resources,
      Set<String> volumes)
      throws ProviderException {
    return new Container()
        .withName(c.getName())
        .withImage(c.getImage())
        .withCommand(commands.command(field, c))
        .withEnvironmentVariables(env(c))
        .withResources(resources)
        .withPorts(ports(c))
        .withVolumeMounts(mounts(field, c, volumes))
        .withLivenessProbe(ProbeMapper.map(field + ".livenessProbe", c.getLivenessProbe(), c))
        .withReadinessProbe(ProbeMapper.map(field + ".readinessProbe", c.getReadinessProbe(), c));
  }

  static InitContainerDefinition init(
      String field, V1Container c, ImageCommands commands, Set<String> volumes)
      throws ProviderException {
    return new InitContainerDefinition()
        .withName(c.getName())
        .withImage(c.getImage())
        .withCommand(commands.command(field, c))
        .withEnvironmentVariables(env(c))
        .withVolumeMounts(mounts(field, c, volumes));
  }

  private static List<EnvironmentVariable> env(V1Container c) {
    List<EnvironmentVariable> env = new ArrayList<>();
    for (V1EnvVar v : c.getEnv() == null ? List.<V1EnvVar>of() : c.getEnv()) {
      env.add(
          new EnvironmentVariable()
              .withName(v.getName())
              .withSecureValue(v.getValue() == null ? "" : v.getValue()));
    }
    return env;
  }

  private static List<ContainerPort> ports(V1Container c) {
    if (c.getPorts() == null) {
      return null;
    }
    return c.getPorts().stream()
        .map(
            p ->
                new ContainerPort()
                    .withPort(p.getContainerPort())
                    .withProtocol(
                        "UDP".equals(p.getProtocol())
                            ? ContainerNetworkProtocol.UDP
                            : ContainerNetworkProtocol.TCP))
        .toList();
  }

  /** Mounts of volumes the group has; mounts of dropped volumes (see VolumeMapper) are left out. */
  private static List<VolumeMount> mounts(String field, V1Container c, Set<String> volumes)
      throws ProviderException {
    List<V1VolumeMount> mounts = c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts();
    List<VolumeMount> out = new ArrayList<>();
    for (int j = 0; j < mounts.size(); j++) {
      V1VolumeMount m = mounts.get(j);
      if (m.getSubPath() != null && !m.getSubPath().isEmpty()) {
        throw Rejection.of(field + ".volumeMounts[" + j + "].subPath", "ACI has no subPath mounts");
      }
      if (volumes.contains(m.getName())) {
        out.add(
            new VolumeMount()
                .withName(m.getName())
                .withMountPath(m.getMountPath())
                .withReadOnly(m.getReadOnly()));
      }
    }
    return out.isEmpty() ? null : out;
  }
}
