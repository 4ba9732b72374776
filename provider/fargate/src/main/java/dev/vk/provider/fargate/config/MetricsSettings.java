package dev.vk.provider.fargate.config;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.settings.SettingReader;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The pod metrics settings (names listed in {@link FargateSettings#NAMES}).
 *
 * @param freshness how long a CloudWatch sample is served before the next scrape reads a new one
 * @param cloudWatchEndpoint endpoint override for CloudWatch; defaults to the ECS override
 */
public record MetricsSettings(Duration freshness, Optional<URI> cloudWatchEndpoint) {

  /**
   * Reads the settings. Idempotent; never blocks.
   *
   * @throws dev.vk.provider.settings.SettingException naming the invalid setting
   */
  public static MetricsSettings from(ProviderContext.Settings settings) {
    SettingReader r = FargateSettings.reader(settings);
    return new MetricsSettings(
        r.positiveDuration("metrics-freshness", Duration.ofSeconds(60)),
        r.url("cloudwatch-endpoint", "https", "http"));
  }
}
