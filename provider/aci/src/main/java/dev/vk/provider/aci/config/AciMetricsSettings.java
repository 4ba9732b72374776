package dev.vk.provider.aci.config;

import dev.vk.provider.ProviderContext;
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
   * Reads the settings; the endpoint defaults to the region's public one.
   *
   * @throws IllegalArgumentException with one line naming the bad setting
   */
  public static AciMetricsSettings from(ProviderContext context, String region) {
    SettingReader r = new SettingReader(context.settings());
    String endpoint =
        r.optional("metrics-endpoint").orElse("https://" + region + ".metrics.monitor.azure.com");
    if (!endpoint.startsWith("https://")) {
      // The bearer-token policy refuses anything but HTTPS.
      throw SettingReader.invalid(
          "metrics-endpoint", "must be an https:// URL, got \"" + endpoint + "\"");
    }
    Duration freshness = r.duration("metrics-freshness", Duration.ofSeconds(60));
    return new AciMetricsSettings(endpoint.replaceAll("/+$", ""), freshness);
  }
}
