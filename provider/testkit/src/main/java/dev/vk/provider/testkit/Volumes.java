package dev.vk.provider.testkit;

import io.kubernetes.client.openapi.models.V1ConfigMapProjection;
import io.kubernetes.client.openapi.models.V1DownwardAPIProjection;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ProjectedVolumeSource;
import io.kubernetes.client.openapi.models.V1ServiceAccountTokenProjection;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.util.ArrayList;
import java.util.List;

/** Pod volumes as the API server writes them, for provider tests. */
public final class Volumes {
  private Volumes() {}

  /**
   * The projected volume the ServiceAccount admission adds to every pod ({@code
   * kube-api-access-*}): a bound token ({@code token}, 3607 s), the cluster CA ({@code ca.crt} from
   * ConfigMap {@code kube-root-ca.crt}) and the namespace ({@code namespace}).
   */
  public static V1Volume kubeApiAccess(String name) {
    return new V1Volume()
        .name(name)
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
