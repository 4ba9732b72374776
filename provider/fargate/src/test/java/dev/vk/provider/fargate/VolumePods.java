package dev.vk.provider.fargate;

import io.kubernetes.client.openapi.models.V1ConfigMapProjection;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1DownwardAPIProjection;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1ServiceAccountTokenProjection;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.util.ArrayList;
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
    return new V1Volume()
        .name("kube-api-access-x")
        .projected(
            new V1ProjectedVolumeSource()
                .defaultMode(420)
                .sources(
                    new ArrayList<>(
                        List.of(
                            new V1VolumeProjection()
                                .serviceAccountToken(
                                    new V1ServiceAccountTokenProjection()
                                        .expirationSeconds(3607L)
                                        .path("token")),
                            new V1VolumeProjection()
                                .configMap(
                                    new V1ConfigMapProjection()
                                        .name("kube-root-ca.crt")
                                        .items(
                                            List.of(
                                                new V1KeyToPath().key("ca.crt").path("ca.crt")))),
                            new V1VolumeProjection()
                                .downwardAPI(
                                    new V1DownwardAPIProjection()
                                        .items(
                                            List.of(
                                                new V1DownwardAPIVolumeFile()
                                                    .path("namespace")
                                                    .fieldRef(
                                                        new V1ObjectFieldSelector()
                                                            .fieldPath(
                                                                "metadata.namespace")))))))));
  }
}
