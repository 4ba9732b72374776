package dev.vk.provider.aci.config;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.identity.ClusterId;
import dev.vk.provider.identity.IdentityAllowlist;
import dev.vk.provider.identity.IdentityPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The azure provider's settings, read and validated once. Names are given without the {@code
 * azure-} prefix users write ({@code --azure-resource-group}, {@code VK_AZURE_RESOURCE_GROUP}).
 *
 * @param connection where ARM and Entra ID are and how to authenticate
 * @param pods how pods become container groups
 * @param polling how status is watched and ARM is paced
 * @param identities which managed identities a pod's ServiceAccount may give its group
 * @param workload cluster DNS, ACR identity pulls and image registry lookups
 */
public record AciSettings(
    Connection connection,
    PodDefaults pods,
    Polling polling,
    IdentityPolicy identities,
    WorkloadSettings workload) {

  /** The setting that allows managed identities, as users write it. */
  static final String ALLOWLIST = "azure-identity-allowlist";

  /** The policy for an allowlist: ACI has no default identity, so only listed ones pass. */
  public static IdentityPolicy identities(IdentityAllowlist allowlist) {
    return new IdentityPolicy(ALLOWLIST, allowlist, Set.of());
  }

  /**
   * Whether {@code value} names a managed identity: {@code system} or a user-assigned identity
   * resource id. The allowlist and the pods' identity annotation accept the same.
   */
  public static boolean identityId(String value) {
    return value.equalsIgnoreCase("system") || value.startsWith("/subscriptions/");
  }

  /** Where the subscription lives and how to reach it. */
  public record Connection(
      String subscriptionId,
      String resourceGroup,
      String region,
      Optional<String> clientId,
      Optional<String> clientSecret,
      Optional<String> tenantId,
      Optional<String> managedIdentityClientId,
      Optional<String> armEndpoint,
      Optional<String> aadEndpoint,
      Optional<Path> caFile) {}

  /**
   * Mapping defaults and limits.
   *
   * @param dnsNameLabel {@code none}, {@code annotation} (only pods that ask) or {@code group-name}
   */
  public record PodDefaults(
      String osType,
      double defaultCpu,
      double defaultMemoryGb,
      double maxCpu,
      double maxMemoryGb,
      List<String> subnetIds,
      String dnsNameLabel,
      String gpuSku,
      String clusterId,
      String nodeName) {}

  /**
   * @param statusInterval how often the notifier lists the resource group at most
   * @param callsPerMinute the most ARM calls a minute the notifier spends on steady reads, and its
   *     budget until ARM reports its remaining reads
   * @param fullRefresh how long a steady group may go without a GET of its instance view
   * @param requestsPerSecond the provider-wide client-side rate limit for ARM
   * @param logPoll how often {@code logs -f} reads the log again
   * @param settle how long after a container starts its group is still fetched every round
   * @param readShare the part of the subscription's ARM read budget the notifier may use, in (0, 1]
   */
  public record Polling(
      Duration statusInterval,
      int callsPerMinute,
      Duration fullRefresh,
      Duration settle,
      double requestsPerSecond,
      Duration logPoll,
      double readShare) {}

  private static final Set<String> BASE_NAMES =
      Set.of(
          "subscription-id",
          "resource-group",
          "region",
          "client-id",
          "client-secret",
          "tenant-id",
          "managed-identity-client-id",
          "arm-endpoint",
          "aad-endpoint",
          "ca-file",
          "os-type",
          "default-cpu",
          "default-memory-gb",
          "max-cpu",
          "max-memory-gb",
          "subnet-ids",
          "dns-name-label",
          "gpu-sku",
          "cluster-id",
          "identity-allowlist",
          "status-interval",
          "status-calls-per-minute",
          "full-refresh",
          "settle-time",
          "requests-per-second",
          "log-poll-interval",
          // pod metrics: AciMetricsSettings
          "metrics-endpoint",
          "metrics-freshness",
          "status-read-share");

  /** Every setting name the provider reads, without the {@code azure-} prefix. */
  public static final Set<String> NAMES = names();

  private static Set<String> names() {
    Set<String> names = new java.util.LinkedHashSet<>(BASE_NAMES);
    names.addAll(WorkloadSettings.NAMES);
    return Set.copyOf(names);
  }

  /**
   * Reads every setting.
   *
   * @throws IllegalArgumentException with one line naming the bad setting
   */
  public static AciSettings from(ProviderContext context) {
    SettingReader r = new SettingReader(context.settings());
    Connection connection =
        new Connection(
            r.required("subscription-id"),
            r.required("resource-group"),
            r.required("region"),
            r.optional("client-id"),
            r.optional("client-secret"),
            r.optional("tenant-id"),
            r.optional("managed-identity-client-id"),
            r.optional("arm-endpoint").map(v -> httpsUrl("arm-endpoint", v)),
            r.optional("aad-endpoint").map(v -> httpsUrl("aad-endpoint", v)),
            r.existingFile("ca-file"));
    if (connection.clientSecret().isPresent()
        && (connection.clientId().isEmpty() || connection.tenantId().isEmpty())) {
      throw SettingReader.invalid("client-secret", "needs azure-client-id and azure-tenant-id");
    }
    PodDefaults pods =
        new PodDefaults(
            r.oneOf("os-type", "Linux", Set.of("Linux", "Windows")),
            r.positive("default-cpu", 1.0),
            r.positive("default-memory-gb", 1.5),
            r.positive("max-cpu", 4),
            r.positive("max-memory-gb", 16),
            r.list("subnet-ids"),
            r.oneOf("dns-name-label", "annotation", Set.of("none", "annotation", "group-name")),
            r.oneOf("gpu-sku", "V100", Set.of("K80", "P100", "V100")),
            ClusterId.resolve(
                "azure-cluster-id", r.optional("cluster-id"), context.kubernetes(), ""),
            context.nodeName());
    IdentityPolicy identities;
    try {
      identities =
          identities(
              IdentityAllowlist.parse(
                  r.optional("identity-allowlist").orElse(null),
                  AciSettings::identityId,
                  "system or a user-assigned identity resource id"));
    } catch (IllegalArgumentException e) {
      throw SettingReader.invalid("identity-allowlist", e.getMessage());
    }
    Polling polling =
        new Polling(
            r.duration("status-interval", Duration.ofSeconds(10)),
            r.positiveInt("status-calls-per-minute", 300),
            r.duration("full-refresh", Duration.ofMinutes(30)),
            r.duration("settle-time", Duration.ofMinutes(1)),
            r.positive("requests-per-second", 10),
            r.duration("log-poll-interval", Duration.ofSeconds(2)),
            r.percent("status-read-share", 10) / 100);
    return new AciSettings(connection, pods, polling, identities, WorkloadSettings.from(r));
  }

  private static String httpsUrl(String name, String value) {
    // The SDK's bearer-token policy refuses anything but HTTPS, so fail here with the name.
    if (!value.startsWith("https://")) {
      throw SettingReader.invalid(name, "must be an https:// URL, got \"" + value + "\"");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
