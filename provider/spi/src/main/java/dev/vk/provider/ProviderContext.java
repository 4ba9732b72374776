package dev.vk.provider;

import java.util.Optional;

/**
 * What a provider is told about the node it backs.
 *
 * @param nodeName the Kubernetes node name
 * @param internalIp the address the node advertises
 * @param settings this provider's own settings, looked up by name
 */
public record ProviderContext(String nodeName, String internalIp, Settings settings) {

  /** Provider settings by name (flag, environment variable and config file share the names). */
  @FunctionalInterface
  public interface Settings {
    Optional<String> get(String name);
  }
}
