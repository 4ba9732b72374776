package dev.vk.provider.fargate.config;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.fargate.portforward.PortForwardPath;
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
   * Reads and checks the settings.
   *
   * @throws IllegalArgumentException with one line naming the invalid setting
   */
  public static PortForwardSettings from(ProviderContext.Settings settings) {
    SettingReader r = new SettingReader(settings);
    PortForwardPath path;
    try {
      path = PortForwardPath.parse(r.string("port-forward", "session"));
    } catch (IllegalArgumentException e) {
      throw SettingReader.invalid("port-forward", e.getMessage());
    }
    return new PortForwardSettings(path, r.uri("ssm-endpoint"));
  }
}
