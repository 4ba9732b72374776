package dev.vk.node.config;

import dev.vk.provider.ProviderFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every setting the node understands, with its default, for validation and {@code --help}. */
public final class SettingCatalog {

  /** One setting: its name (flag, file key; the env var is derived) and what it does. */
  public record Setting(String name, String defaultValue, String help) {}

  public static final List<Setting> CORE =
      List.of(
          new Setting("config", "", "YAML file of setting: value pairs"),
          new Setting("kubeconfig", "in-cluster, $KUBECONFIG, ~/.kube/config", "kubeconfig file"),
          new Setting("node-name", "virtual-kubelet", "name of the Node object"),
          new Setting("provider", "mock", "what runs the pods: mock, azure, fargate"),
          new Setting(
              "namespaces", "all", "run only the pods of these namespaces (comma-separated)"),
          new Setting(
              "taint",
              "virtual-kubelet.io/provider=<provider>:NoSchedule",
              "taint that keeps ordinary pods away (key=value:Effect)"),
          new Setting("disable-taint", "false", "register the node without a taint"),
          new Setting("labels", "", "extra node labels, k=v,k2=v2"),
          new Setting("capacity-cpu", "20", "node cpu capacity"),
          new Setting("capacity-memory", "100Gi", "node memory capacity"),
          new Setting("capacity-pods", "110", "how many pods the node accepts"),
          new Setting("capacity-gpu", "0", "nvidia.com/gpu capacity"),
          new Setting("internal-ip", "first non-loopback IPv4", "address the API server dials"),
          new Setting("kubelet-port", "10250", "kubelet API port"),
          new Setting("os", "linux", "node operating system: linux or windows"),
          new Setting("pod-sync-workers", "10", "pods synced in parallel"),
          new Setting("status-poll-interval", "5s", "pod status poll when the provider can't push"),
          new Setting("reconcile-interval", "30s", "full provider/API comparison interval"),
          new Setting("node-status-interval", "1m", "longest time between node status updates"),
          new Setting("lease-duration", "40s", "node lease duration (renewed every quarter)"),
          new Setting("log-level", "info", "trace, debug, info, warn or error"),
          new Setting("leader-elect", "false", "elect one running replica of this node (HA)"),
          new Setting(
              "leader-elect-resource-namespace",
              "the pod's namespace, else default",
              "namespace of the election Lease"),
          new Setting(
              "leader-elect-resource-name", "<node-name>-leader", "name of the election Lease"),
          new Setting("leader-elect-lease-duration", "8s", "followers take over after this"),
          new Setting("leader-elect-renew-deadline", "5s", "leader stops writing after this"),
          new Setting("leader-elect-retry-period", "1s", "how often the lease is renewed or tried"),
          new Setting("kubelet-address", "0.0.0.0", "kubelet API bind address"),
          new Setting("tls-cert-file", "self-signed", "kubelet API serving certificate (PEM)"),
          new Setting("tls-key-file", "self-signed", "its private key (PEM)"),
          new Setting(
              "client-ca-file",
              "in-cluster CA when running in a pod",
              "CA of client certificates (the API server's kubelet client certificate)"),
          new Setting(
              "insecure-kubelet-api",
              "false",
              "no authentication or authorization (dev only; loopback kubelet-address only)"),
          new Setting("stream-idle-timeout", "4h", "idle limit of exec, attach, logs streams"),
          new Setting("stream-creation-timeout", "30s", "time to open an exec's streams"),
          new Setting("health-port", "10248", "plain-HTTP /healthz, /readyz, /metrics; 0: off"),
          new Setting("health-address", "0.0.0.0", "health server bind address"),
          new Setting("tls-reload-interval", "10s", "how often TLS files are checked (0: never)"),
          new Setting("kubelet-max-connections", "1000", "open kubelet API connections"),
          new Setting(
              "kubelet-max-connections-per-address", "0", "connections per client IP (0: no cap)"),
          new Setting("kubelet-max-pipelined-requests", "16", "unanswered requests per connection"),
          new Setting(
              "kubelet-max-port-forward-pairs", "64", "port-forward connections per stream"),
          new Setting(
              "kubelet-request-read-timeout", "10s", "time to send a whole request head and body"),
          new Setting("kubelet-request-threads", "32", "threads for authentication and lookups"),
          new Setting("kubelet-request-queue", "256", "calls waiting for those threads (then 503)"),
          new Setting(
              "kubelet-stream-threads", "256", "exec, attach, port-forward at once (then 503)"),
          new Setting(
              "kubelet-token-reviews-per-second", "20", "TokenReviews per second (then 429)"),
          new Setting("kubelet-token-review-burst", "40", "TokenReviews in a burst"));

  private SettingCatalog() {}

  /** Core names plus {@code <provider>-<setting>} for every provider found on the class path. */
  public static Set<String> names(Collection<ProviderFactory> providers) {
    Set<String> names = new LinkedHashSet<>();
    CORE.forEach(s -> names.add(s.name()));
    for (ProviderFactory p : providers) {
      p.settingNames().forEach(n -> names.add(p.name() + "-" + n));
    }
    return names;
  }

  public static String help(Collection<ProviderFactory> providers) {
    List<String> lines = new ArrayList<>();
    lines.add("Usage: virtual-kubelet [--setting value ...]");
    lines.add("Each setting is also read from VK_<SETTING> and from the --config file.");
    lines.add("");
    for (Setting s : CORE) {
      lines.add(String.format("  --%-22s %s (default: %s)", s.name(), s.help(), s.defaultValue()));
    }
    for (ProviderFactory p : providers) {
      lines.add("");
      lines.add("Provider " + p.name() + ":");
      p.settingNames().forEach(n -> lines.add("  --" + p.name() + "-" + n));
    }
    return String.join(System.lineSeparator(), lines);
  }
}
