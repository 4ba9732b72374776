package dev.vk.node.config;

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

  public static NodeConfig from(Settings s) {
    String provider = s.get("provider").orElse("mock");
    String nodeName = s.get("node-name").orElse("virtual-kubelet");
    if (!nodeName.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
      throw new ConfigException(
          "node-name '"
              + nodeName
              + "' is not a valid DNS subdomain (lowercase a-z, 0-9, '-', '.')");
    }
    Optional<V1Taint> taint =
        SettingParsers.bool(s, "disable-taint", false)
            ? Optional.empty()
            : Optional.of(
                SettingParsers.taint(
                    "taint", s.get("taint").orElse("virtual-kubelet.io/provider=" + provider)));
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    Map.of(
            "cpu",
            "capacity-cpu",
            "memory",
            "capacity-memory",
            "pods",
            "capacity-pods",
            "nvidia.com/gpu",
            "capacity-gpu")
        .forEach(
            (resource, setting) -> {
              if (s.get(setting).isPresent()) {
                capacity.put(resource, SettingParsers.quantity(s, setting, "0"));
              }
            });
    String os = s.get("os").orElse("linux");
    if (!os.equals("linux") && !os.equals("windows")) {
      throw new ConfigException("os must be linux or windows, not '" + os + "'");
    }
    return new NodeConfig(
        s.get("kubeconfig").map(Path::of),
        nodeName,
        provider,
        taint,
        SettingParsers.labels(s, "labels"),
        Collections.unmodifiableMap(capacity),
        s.get("internal-ip")
            .map(ip -> SettingParsers.ip("internal-ip", ip))
            .orElseGet(NodeConfig::guessIp),
        SettingParsers.integer(s, "kubelet-port", 10250, 1, 65535),
        os,
        SettingParsers.integer(s, "pod-sync-workers", 10, 1, 1000),
        SettingParsers.duration(s, "status-poll-interval", Duration.ofSeconds(5)),
        SettingParsers.duration(s, "reconcile-interval", Duration.ofSeconds(30)),
        SettingParsers.duration(s, "node-status-interval", Duration.ofMinutes(1)),
        SettingParsers.duration(s, "lease-duration", Duration.ofSeconds(40)),
        s.get("health-address")
            .map(ip -> SettingParsers.ip("health-address", ip))
            .orElse("0.0.0.0"),
        SettingParsers.integer(s, "health-port", 10248, 0, 65535));
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
