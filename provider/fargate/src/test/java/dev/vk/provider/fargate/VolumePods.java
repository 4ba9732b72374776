package dev.vk.provider.fargate;

import dev.vk.provider.testkit.Volumes;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.List;

/**
 * The volumes of the usual test pod: configMap {@code cfg} at {@code /etc/config}, secret {@code
 * creds} with items at {@code /etc/creds}, and {@code kube-api-access-x}, the projected volume the
 * ServiceAccount admission plugin adds to every pod, at its usual path.
 */
public final class VolumePods {
  public static final String TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  private VolumePods() {}

  /** Adds the three volumes to {@code spec} and mounts them in every container. */
  public static void addVolumes(V1PodSpec spec) {
    spec.volumes(
        List.of(
            new V1Volume().name("cfg").configMap(new V1ConfigMapVolumeSource().name("app-config")),
            new V1Volume()
                .name("creds")
                .secret(
                    new V1SecretVolumeSource()
                        .secretName("db")
                        .items(List.of(new V1KeyToPath().key("password").path("db/password")))),
            kubeApiAccess()));
    spec.getContainers().forEach(c -> c.volumeMounts(mounts()));
    if (spec.getInitContainers() != null) {
      spec.getInitContainers().forEach(c -> c.volumeMounts(mounts()));
    }
  }

  private static List<V1VolumeMount> mounts() {
    return List.of(
        new V1VolumeMount().name("cfg").mountPath("/etc/config"),
        new V1VolumeMount().name("creds").mountPath("/etc/creds").readOnly(true),
        new V1VolumeMount().name("kube-api-access-x").mountPath(TOKEN_DIR).readOnly(true));
  }

  public static V1Volume kubeApiAccess() {
    return Volumes.kubeApiAccess("kube-api-access-x");
  }
}
