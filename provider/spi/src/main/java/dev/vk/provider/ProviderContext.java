package dev.vk.provider;

import java.util.Optional;

/**
 * What a provider is told about the node it backs.
 *
 * @param nodeName the Kubernetes node name
 * @param internalIp the address the node advertises
 * @param settings this provider's own settings, looked up by name
 * @param kubernetes reads of Secrets and ConfigMaps, and Events, for the provider's pods
 * @param rateLimits where the provider reports its own rate limiter's waits and the cloud's
 *     throttling answers, for the node's metrics
 */
public record ProviderContext(
    String nodeName,
    String internalIp,
    Settings settings,
    KubernetesAccess kubernetes,
    RateLimitListener rateLimits) {

  /** A context whose rate limiting reports go nowhere. */
  public ProviderContext(
      String nodeName, String internalIp, Settings settings, KubernetesAccess kubernetes) {
    this(nodeName, internalIp, settings, kubernetes, RateLimitListener.NONE);
  }

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
