package dev.vk.provider.aci.config;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.identity.ClusterId;
import dev.vk.provider.identity.IdentityAllowlist;
import dev.vk.provider.identity.IdentityPolicy;
import dev.vk.provider.settings.SettingReader;
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
   * @param requestsPerSecond the client-side ARM rate limit of each of ARM's buckets (reads,
   *     writes, deletes)
   * @param logPoll how often {@code logs -f} reads the log again
   * @param settle how long after a container starts its group is still read outside the budget (at
   *     doubling ages)
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

  /** What users write before each name ({@code --azure-region}). */
  static final String PREFIX = "azure-";

  /** The reader of these settings, naming them as users write them. */
  static SettingReader reader(ProviderContext.Settings settings) {
    return new SettingReader(PREFIX, settings);
  }

  /**
   * Reads every setting. Blocks only to read the cluster id from Kubernetes when it is not set.
   *
   * @throws dev.vk.provider.settings.SettingException naming the bad setting
   */
  public static AciSettings from(ProviderContext context) {
    return from(context, connection(context));
  }

  /**
   * Reads where ARM and Entra ID are and how to authenticate, alone: it never blocks, so the client
   * can be built (and its token fetched) while the rest waits for the cluster id.
   *
   * @throws dev.vk.provider.settings.SettingException naming the bad setting
   */
  public static Connection connection(ProviderContext context) {
    SettingReader r = reader(context.settings());
    Connection connection =
        new Connection(
            r.required("subscription-id", "an Azure subscription id"),
            r.required("resource-group", "the resource group of the container groups"),
            r.required("region", "an Azure region like westeurope"),
            r.optional("client-id"),
            r.optional("client-secret"),
            r.optional("tenant-id"),
            r.optional("managed-identity-client-id"),
            httpsUrl(r, "arm-endpoint"),
            httpsUrl(r, "aad-endpoint"),
            r.readableFile("ca-file"));
    if (connection.clientSecret().isPresent()
        && (connection.clientId().isEmpty() || connection.tenantId().isEmpty())) {
      throw r.invalid("client-secret", "***", "azure-client-id and azure-tenant-id set with it");
    }
    return connection;
  }

  /**
   * Reads the settings beside {@code connection}, read before by {@link #connection}. Blocks only
   * to read the cluster id from Kubernetes when it is not set.
   *
   * @throws dev.vk.provider.settings.SettingException naming the bad setting
   */
  public static AciSettings from(ProviderContext context, Connection connection) {
    SettingReader r = reader(context.settings());
    PodDefaults pods =
        new PodDefaults(
            r.oneOf("os-type", "Linux", "Linux", "Windows"),
            r.positiveNumber("default-cpu", 1.0),
            r.positiveNumber("default-memory-gb", 1.5),
            r.positiveNumber("max-cpu", 4),
            r.positiveNumber("max-memory-gb", 16),
            r.list("subnet-ids"),
            r.oneOf("dns-name-label", "annotation", "none", "annotation", "group-name"),
            r.oneOf("gpu-sku", "V100", "K80", "P100", "V100"),
            ClusterId.resolve(
                "azure-cluster-id", r.optional("cluster-id"), context.kubernetes(), ""),
            context.nodeName());
    IdentityPolicy identities =
        identities(
            IdentityAllowlist.read(
                r,
                "identity-allowlist",
                AciSettings::identityId,
                "system or a user-assigned identity resource id"));
    Polling polling =
        new Polling(
            r.positiveDuration("status-interval", Duration.ofSeconds(10)),
            r.positiveInt("status-calls-per-minute", 300),
            r.positiveDuration("full-refresh", Duration.ofMinutes(30)),
            r.duration("settle-time", Duration.ofMinutes(1)),
            r.positiveNumber("requests-per-second", 10),
            r.positiveDuration("log-poll-interval", Duration.ofSeconds(2)),
            percent(r, "status-read-share", 10) / 100);
    return new AciSettings(connection, pods, polling, identities, WorkloadSettings.from(r));
  }

  /** An https:// URL without a trailing slash; the SDK's bearer-token policy refuses plain HTTP. */
  static Optional<String> httpsUrl(SettingReader r, String name) {
    return r.url(name, "https").map(u -> u.toString().replaceAll("/+$", ""));
  }

  /** A percentage in (0, 100], written {@code 10} or {@code 10%}. */
  private static double percent(SettingReader r, String name, double fallback) {
    return r.checked(
        name,
        fallback,
        v -> Double.valueOf(v.endsWith("%") ? v.substring(0, v.length() - 1).trim() : v),
        v -> v > 0 && v <= 100,
        "a percentage above 0 and at most 100, like 10 or 10%");
  }
}
