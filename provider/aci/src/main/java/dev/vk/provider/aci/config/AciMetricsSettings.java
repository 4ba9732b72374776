package dev.vk.provider.aci.config;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.settings.SettingReader;
import java.time.Duration;
import java.util.List;

/**
 * Where pod metrics come from and how long an answer is reused.
 *
 * @param endpoint Azure Monitor's regional metrics endpoint, without a trailing slash
 * @param freshness how long one batch answer serves scrapes before Azure Monitor is asked again
 */
public record AciMetricsSettings(String endpoint, Duration freshness) {

  /** The setting names, without the {@code azure-} prefix; also listed in {@link AciSettings}. */
  static final List<String> NAMES = List.of("metrics-endpoint", "metrics-freshness");

  /**
   * Reads the settings; the endpoint defaults to the region's public one. Idempotent; never blocks.
   *
   * @throws dev.vk.provider.settings.SettingException naming the bad setting
   */
  public static AciMetricsSettings from(ProviderContext context, String region) {
    SettingReader r = AciSettings.reader(context.settings());
    return new AciMetricsSettings(
        AciSettings.httpsUrl(r, "metrics-endpoint")
            .orElse("https://" + region + ".metrics.monitor.azure.com"),
        r.positiveDuration("metrics-freshness", Duration.ofSeconds(60)));
  }
}
