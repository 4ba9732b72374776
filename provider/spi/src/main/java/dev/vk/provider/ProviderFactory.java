package dev.vk.provider;

import dev.vk.kubelet.types.ProviderException;
import java.util.Set;

/**
 * Creates a provider by name. Implementations are found with {@link java.util.ServiceLoader}, so
 * one binary carries every cloud and the configuration picks one.
 */
public interface ProviderFactory {

  /** The name users configure, such as {@code mock}, {@code azure} or {@code fargate}. */
  String name();

  /** The provider-specific setting names this provider reads (without prefix), for validation. */
  Set<String> settingNames();

  /**
   * Builds the provider. May block (for example to authenticate).
   *
   * @throws dev.vk.provider.settings.SettingException when a setting is invalid (read them with
   *     {@link dev.vk.provider.settings.SettingReader})
   */
  PodLifecycle create(ProviderContext context) throws ProviderException;
}
