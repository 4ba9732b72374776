package dev.vk.provider.identity;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.settings.SettingException;
import java.util.Optional;

/**
 * The id that marks a cloud resource as this cluster's: the configured one, else the UID of the
 * cluster's {@code kube-system} namespace (stable for the cluster's life, distinct across clusters,
 * the same for every node of one cluster).
 */
public final class ClusterId {
  private ClusterId() {}

  /**
   * Resolves the id once at startup. Blocks on one API call when nothing is configured.
   *
   * @param setting the setting as users write it, for the error
   * @param configured the setting's value, if set
   * @param kubernetes the node's API access; without one, or one that cannot tell the cluster
   *     (tests, tools), {@code fallback} is used
   * @throws SettingException one line when the id can be neither configured nor read
   */
  public static String resolve(
      String setting, Optional<String> configured, KubernetesAccess kubernetes, String fallback) {
    if (configured.isPresent()) {
      return configured.get();
    }
    if (!kubernetes.available()) {
      return fallback;
    }
    try {
      return kubernetes.clusterUid().orElse(fallback);
    } catch (ProviderException e) {
      throw new SettingException(
          setting,
          null,
          "a cluster id, or get on namespaces allowed to read the kube-system UID ("
              + e.getMessage()
              + ")");
    }
  }
}
