package dev.vk.provider.fargate.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * What the plan needs from Kubernetes besides the pod, read before planning so the mapper stays
 * pure.
 *
 * @param serviceAccountRole the IAM role annotation of the pod's ServiceAccount, if any (IRSA)
 * @param volumeFiles per volume name, the files it holds (path inside the volume to content) for
 *     the configMap, secret, downwardAPI and projected volumes the provider materialises
 */
public record PodInputs(
    Optional<String> serviceAccountRole, Map<String, Map<String, byte[]>> volumeFiles) {

  /** Nothing read: no role, no files. */
  public static final PodInputs NONE = new PodInputs(Optional.empty(), Map.of());
}
