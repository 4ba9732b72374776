package dev.vk.node.config;

import dev.vk.provider.settings.SettingReader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Whether and how replicas of one node elect the one that runs it (a coordination.k8s.io Lease).
 *
 * @param enabled leader election on; off, the process runs the node at once (a single replica)
 * @param namespace the election Lease's namespace
 * @param name the election Lease's name
 * @param identity this replica's holder identity: host name plus a random suffix, so a restarted
 *     process never mistakes its predecessor's lease for its own
 * @param leaseDuration how long followers wait, from their own observation of the last change,
 *     before they take an unrenewed lease over
 * @param renewDeadline how long the leader keeps writing after its last successful renewal began
 * @param retryPeriod how often the lease is read, renewed or tried
 */
public record LeaderElectionSettings(
    boolean enabled,
    String namespace,
    String name,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  static final Path POD_NAMESPACE_FILE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  /**
   * Reads and checks the settings. Idempotent; blocks only to read the pod's namespace file and the
   * host name.
   *
   * @throws dev.vk.provider.settings.SettingException naming the first bad setting
   */
  public static LeaderElectionSettings from(Settings s, String nodeName, Map<String, String> env) {
    SettingReader r = s.reader();
    Duration lease = r.positiveDuration("leader-elect-lease-duration", Duration.ofSeconds(8));
    Duration renew = r.positiveDuration("leader-elect-renew-deadline", Duration.ofSeconds(5));
    Duration retry = r.positiveDuration("leader-elect-retry-period", Duration.ofSeconds(1));
    if (lease.toSeconds() < 1) {
      throw r.invalid(
          "leader-elect-lease-duration", r.string("leader-elect-lease-duration", ""), "1s or more");
    }
    if (renew.compareTo(lease) >= 0) {
      throw r.invalid(
          "leader-elect-renew-deadline",
          r.string("leader-elect-renew-deadline", "5s"),
          "shorter than leader-elect-lease-duration (" + lease + ")");
    }
    if (retry.compareTo(renew) >= 0) {
      throw r.invalid(
          "leader-elect-retry-period",
          r.string("leader-elect-retry-period", "1s"),
          "shorter than leader-elect-renew-deadline (" + renew + ")");
    }
    String name =
        r.checked(
            "leader-elect-resource-name",
            defaultName(nodeName),
            v -> v,
            v -> v.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?"),
            "a DNS subdomain (lowercase a-z, 0-9, '-', '.')");
    return new LeaderElectionSettings(
        r.bool("leader-elect", false),
        r.optional("leader-elect-resource-namespace").orElseGet(() -> podNamespace(env)),
        name,
        identity(env),
        lease,
        renew,
        retry);
  }

  /** {@code <node-name>-leader}, cut to fit a name. */
  static String defaultName(String nodeName) {
    String base = nodeName.length() > 246 ? nodeName.substring(0, 246) : nodeName;
    return base + "-leader";
  }

  /** POD_NAMESPACE, else the service account's namespace file, else {@code default}. */
  static String podNamespace(Map<String, String> env) {
    String fromEnv = env.get("POD_NAMESPACE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    try {
      if (Files.isReadable(POD_NAMESPACE_FILE)) {
        return Files.readString(POD_NAMESPACE_FILE).trim();
      }
    } catch (IOException e) {
      // fall through to the default
    }
    return "default";
  }

  private static String identity(Map<String, String> env) {
    String host = Optional.ofNullable(env.get("HOSTNAME")).filter(h -> !h.isBlank()).orElse(null);
    if (host == null) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "virtual-kubelet";
      }
    }
    return host + "_" + Long.toHexString(new SecureRandom().nextLong() >>> 16);
  }
}
