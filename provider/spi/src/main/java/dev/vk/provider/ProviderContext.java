package dev.vk.provider;

import java.util.Optional;

/**
 * What a provider is told about the node it backs.
 *
 * @param nodeName the Kubernetes node name
 * @param internalIp the address the node advertises
 * @param settings this provider's own settings, looked up by name
 * @param kubernetes reads of Secrets and ConfigMaps, and Events, for the provider's pods
 */
public record ProviderContext(
    String nodeName, String internalIp, Settings settings, KubernetesAccess kubernetes) {

  /** A context without Kubernetes access, for tests and tools. */
  public ProviderContext(String nodeName, String internalIp, Settings settings) {
    this(nodeName, internalIp, settings, KubernetesAccess.NONE);
  }

  /** Provider settings by name (flag, environment variable and config file share the names). */
  @FunctionalInterface
  public interface Settings {
    Optional<String> get(String name);
  }
}
