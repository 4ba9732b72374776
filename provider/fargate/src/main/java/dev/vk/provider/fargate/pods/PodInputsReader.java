package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.fargate.mapping.FileVolumes;
import dev.vk.provider.fargate.mapping.PodAnnotations;
import dev.vk.provider.fargate.mapping.PodInputs;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a pod's plan needs from Kubernetes, so that the mapping stays pure: its
 * ServiceAccount's IAM role and the files of its configMap, secret, downwardAPI and projected
 * volumes. May block (API calls).
 */
final class PodInputsReader {
  private final KubernetesAccess kubernetes;
  private final VolumeFileReader files;

  PodInputsReader(KubernetesAccess kubernetes) {
    this.kubernetes = kubernetes;
    this.files = new VolumeFileReader(kubernetes);
  }

  /**
   * @throws ProviderException UNAVAILABLE when a mandatory ConfigMap or Secret does not exist
   *     (yet), INVALID_INPUT naming the field when a volume cannot be provided at all
   */
  PodInputs read(V1Pod pod) throws ProviderException {
    return new PodInputs(serviceAccountRole(pod), volumeFiles(pod));
  }

  private Map<String, Map<String, byte[]>> volumeFiles(V1Pod pod) throws ProviderException {
    Map<String, Map<String, byte[]>> out = new LinkedHashMap<>();
    List<V1Volume> volumes =
        pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      String field = FileVolumes.field(volumes.get(i), i);
      if (field != null) {
        out.put(volumes.get(i).getName(), files.read(pod, volumes.get(i), field));
      }
    }
    return out;
  }

  private Optional<String> serviceAccountRole(V1Pod pod) throws ProviderException {
    String account = pod.getSpec().getServiceAccountName();
    if (!kubernetes.available() || account == null || account.isBlank()) {
      return Optional.empty();
    }
    return kubernetes
        .serviceAccount(pod.getMetadata().getNamespace(), account)
        .map(sa -> sa.getMetadata().getAnnotations())
        .map(a -> a.get(PodAnnotations.IRSA_ROLE));
  }
}
