package dev.vk.node.config;

import dev.vk.provider.settings.SettingReader;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Taint;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's typed configuration. Every field has a default except where noted; {@link
 * #from(Settings)} validates everything at startup so a mistake stops the process with one line.
 *
 * @param kubeconfig kubeconfig file; empty means in-cluster when running in a pod, else $KUBECONFIG
 *     or ~/.kube/config
 * @param nodeName the Node object's name
 * @param provider which provider runs the pods ({@code mock}, {@code azure}, {@code fargate})
 * @param taint the taint that keeps ordinary pods away; empty when disabled
 * @param labels extra node labels
 * @param capacity capacity the user set explicitly (cpu, memory, pods, nvidia.com/gpu); it wins
 *     over the defaults and over what the provider sets
 * @param internalIp the address the API server uses to reach the kubelet API
 * @param kubeletPort the kubelet API port
 * @param operatingSystem {@code linux} or {@code windows}
 * @param podSyncWorkers how many pods are synced in parallel
 * @param statusPollInterval how often pod status is polled when the provider cannot push it
 * @param reconcileInterval how often provider state is compared with the API in full
 * @param nodeStatusInterval the longest time between two node status updates
 * @param leaseDuration the node lease duration; it is renewed every quarter of it
 * @param healthAddress bind address of the plain-HTTP health and metrics server
 * @param healthPort its port; 0 turns it off
 */
public record NodeConfig(
    Optional<Path> kubeconfig,
    String nodeName,
    String provider,
    Optional<V1Taint> taint,
    Map<String, String> labels,
    Map<String, Quantity> capacity,
    String internalIp,
    int kubeletPort,
    String operatingSystem,
    int podSyncWorkers,
    Duration statusPollInterval,
    Duration reconcileInterval,
    Duration nodeStatusInterval,
    Duration leaseDuration,
    String healthAddress,
    int healthPort) {

  private static final String DNS_SUBDOMAIN = "[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?";
  private static final Pattern TAINT = Pattern.compile("([^=:]+)(?:=([^:]*))?(?::(\\w+))?");
  private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
  private static final Pattern LABEL_KEY =
      Pattern.compile("([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Map<String, String> CAPACITY =
      Map.of(
          "cpu", "capacity-cpu",
          "memory", "capacity-memory",
          "pods", "capacity-pods",
          "nvidia.com/gpu", "capacity-gpu");

  /**
   * Reads and checks every node setting. Idempotent; blocks only to list network interfaces when
   * {@code internal-ip} is not set.
   *
   * @throws dev.vk.provider.settings.SettingException naming the first bad setting
   */
  public static NodeConfig from(Settings s) {
    SettingReader r = s.reader();
    String provider = r.string("provider", "mock");
    String nodeName =
        r.checked(
            "node-name",
            "virtual-kubelet",
            v -> v,
            v -> v.matches(DNS_SUBDOMAIN),
            "a DNS subdomain (lowercase a-z, 0-9, '-', '.')");
    Optional<V1Taint> taint =
        r.bool("disable-taint", false)
            ? Optional.empty()
            : Optional.of(
                r.parsed(
                    "taint",
                    taint("virtual-kubelet.io/provider=" + provider),
                    NodeConfig::taint,
                    "key[=value][:Effect], Effect one of " + String.join(", ", EFFECTS)));
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    CAPACITY.forEach(
        (resource, setting) -> {
          if (r.optional(setting).isPresent()) {
            capacity.put(resource, r.nonNegativeQuantity(setting, "0"));
          }
        });
    return new NodeConfig(
        r.optional("kubeconfig").map(Path::of),
        nodeName,
        provider,
        taint,
        labels(r),
        Collections.unmodifiableMap(capacity),
        Optional.ofNullable(ip(r, "internal-ip", null)).orElseGet(NodeConfig::guessIp),
        r.intBetween("kubelet-port", 10250, 1, 65535),
        r.oneOf("os", "linux", "linux", "windows"),
        r.intBetween("pod-sync-workers", 10, 1, 1000),
        r.positiveDuration("status-poll-interval", Duration.ofSeconds(5)),
        r.positiveDuration("reconcile-interval", Duration.ofSeconds(30)),
        r.positiveDuration("node-status-interval", Duration.ofMinutes(1)),
        r.positiveDuration("lease-duration", Duration.ofSeconds(40)),
        ip(r, "health-address", "0.0.0.0"),
        r.intBetween("health-port", 10248, 0, 65535));
  }

  /** {@code key=value:Effect} or {@code key:Effect}; the effect defaults to NoSchedule. */
  private static V1Taint taint(String value) {
    Matcher m = TAINT.matcher(value.trim());
    if (!m.matches()) {
      return null;
    }
    String effect = m.group(3) == null ? "NoSchedule" : m.group(3);
    return EFFECTS.contains(effect)
        ? new V1Taint().key(m.group(1).trim()).value(m.group(2)).effect(effect)
        : null;
  }

  /** {@code a=b,c=d}; keys and values follow Kubernetes label syntax. */
  private static Map<String, String> labels(SettingReader r) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : r.list("labels")) {
      int eq = pair.indexOf('=');
      String key = eq <= 0 ? "" : pair.substring(0, eq).trim();
      String value = eq <= 0 ? "" : pair.substring(eq + 1).trim();
      if (!LABEL_KEY.matcher(key).matches() || !LABEL_VALUE.matcher(value).matches()) {
        throw r.invalid("labels", pair, "key=value pairs in Kubernetes label syntax");
      }
      labels.put(key, value);
    }
    return labels;
  }

  /** An IPv4 or IPv6 literal; never resolves a host name. */
  private static String ip(SettingReader r, String name, String fallback) {
    return r.checked(
        name, fallback, v -> v, v -> IPV4.matcher(v).matches() || v.contains(":"), "an IP address");
  }

  /** The first non-loopback IPv4 address, as a pod's IP would be when running in a cluster. */
  private static String guessIp() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a.getAddress().length == 4 && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      throw new ConfigException("internal-ip is not set and interfaces cannot be read: " + e);
    }
    throw new ConfigException("internal-ip is not set and this machine has no non-loopback IPv4");
  }
}
