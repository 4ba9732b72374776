package dev.vk.provider.fargate.config;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.fargate.portforward.PortForwardPath;
import dev.vk.provider.settings.SettingReader;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The port-forward settings, read apart from {@link FargateSettings} because only port-forward uses
 * them.
 *
 * @param path how connections reach the task: {@code session} (SSM, default) or {@code direct}
 * @param ssmEndpoint Systems Manager endpoint override (emulator, VPC endpoint); defaults to the
 *     ECS override, else AWS
 */
public record PortForwardSettings(PortForwardPath path, Optional<URI> ssmEndpoint) {
  /** Setting names, without the {@code fargate-} prefix. */
  public static final Set<String> NAMES = Set.of("port-forward", "ssm-endpoint");

  /**
   * Reads and checks the settings. Idempotent; never blocks.
   *
   * @throws dev.vk.provider.settings.SettingException naming the invalid setting
   */
  public static PortForwardSettings from(ProviderContext.Settings settings) {
    SettingReader r = FargateSettings.reader(settings);
    return new PortForwardSettings(
        r.enumOf("port-forward", PortForwardPath.class, PortForwardPath.SESSION),
        r.url("ssm-endpoint", "https", "http"));
  }
}
