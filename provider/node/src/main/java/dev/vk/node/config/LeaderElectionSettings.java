package dev.vk.node.config;

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

  public static LeaderElectionSettings from(Settings s, String nodeName, Map<String, String> env) {
    Duration lease =
        SettingParsers.duration(s, "leader-elect-lease-duration", Duration.ofSeconds(8));
    Duration renew =
        SettingParsers.duration(s, "leader-elect-renew-deadline", Duration.ofSeconds(5));
    Duration retry = SettingParsers.duration(s, "leader-elect-retry-period", Duration.ofSeconds(1));
    if (lease.toSeconds() < 1 || renew.compareTo(lease) >= 0) {
      throw new ConfigException(
          "leader-elect-renew-deadline ("
              + renew
              + ") must be shorter than leader-elect-lease-duration ("
              + lease
              + "), which must be at least 1s");
    }
    if (retry.isZero() || retry.isNegative() || retry.compareTo(renew) >= 0) {
      throw new ConfigException(
          "leader-elect-retry-period ("
              + retry
              + ") must be positive and shorter than "
              + "leader-elect-renew-deadline ("
              + renew
              + ")");
    }
    String name = s.get("leader-elect-resource-name").orElse(defaultName(nodeName));
    if (!name.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
      throw new ConfigException("leader-elect-resource-name '" + name + "' is not a DNS subdomain");
    }
    return new LeaderElectionSettings(
        SettingParsers.bool(s, "leader-elect", false),
        s.get("leader-elect-resource-namespace").orElseGet(() -> podNamespace(env)),
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
