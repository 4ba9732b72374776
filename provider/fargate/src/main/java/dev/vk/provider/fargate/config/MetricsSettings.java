package dev.vk.provider.fargate.config;

import dev.vk.provider.ProviderContext;
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
   * @throws IllegalArgumentException one line naming the invalid setting
   */
  public static MetricsSettings from(ProviderContext.Settings settings) {
    SettingReader r = new SettingReader(settings);
    return new MetricsSettings(
        r.duration("metrics-freshness", Duration.ofSeconds(60)), r.uri("cloudwatch-endpoint"));
  }
}
