package dev.vk.node.config;

import dev.vk.kubeletapi.limits.ServerLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the kubelet API is served and secured.
 *
 * @param address the bind address
 * @param tlsCertFile serving certificate (PEM); empty means a self-signed one is generated
 * @param tlsKeyFile its private key
 * @param clientCaFile CA for client certificates (the API server's kubelet client certificate)
 * @param insecure serve without authentication or authorization (local development only)
 * @param streamIdleTimeout how long an exec/attach/port-forward/log stream may be idle
 * @param streamCreationTimeout how long a client has to open the streams of an exec
 * @param limits what clients may make the kubelet API hold (see docs/security.md)
 * @param tlsReloadInterval how often the TLS files are checked for changes; zero never
 */
public record KubeletApiSettings(
    String address,
    Optional<Path> tlsCertFile,
    Optional<Path> tlsKeyFile,
    Optional<Path> clientCaFile,
    boolean insecure,
    Duration streamIdleTimeout,
    Duration streamCreationTimeout,
    ServerLimits limits,
    Duration tlsReloadInterval) {

  /** Where a pod finds its cluster's CA; it signs the API server's kubelet client certificate. */
  static final Path IN_CLUSTER_CA = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");

  public static KubeletApiSettings from(Settings s) {
    Optional<Path> cert = s.get("tls-cert-file").map(Path::of);
    Optional<Path> key = s.get("tls-key-file").map(Path::of);
    if (cert.isPresent() != key.isPresent()) {
      throw new ConfigException("tls-cert-file and tls-key-file must be set together");
    }
    cert.ifPresent(p -> readable("tls-cert-file", p));
    key.ifPresent(p -> readable("tls-key-file", p));
    Optional<Path> ca = s.get("client-ca-file").map(Path::of);
    ca.ifPresent(p -> readable("client-ca-file", p));
    if (ca.isEmpty() && Files.isReadable(IN_CLUSTER_CA)) {
      ca = Optional.of(IN_CLUSTER_CA);
    }
    String address = s.get("kubelet-address").orElse("0.0.0.0");
    boolean insecure = SettingParsers.bool(s, "insecure-kubelet-api", false);
    if (insecure && !loopback(address)) {
      throw new ConfigException(
          "insecure-kubelet-api needs kubelet-address on loopback (127.0.0.1 or ::1), not "
              + address);
    }
    return new KubeletApiSettings(
        address,
        cert,
        key,
        ca,
        insecure,
        SettingParsers.duration(s, "stream-idle-timeout", Duration.ofHours(4)),
        SettingParsers.duration(s, "stream-creation-timeout", Duration.ofSeconds(30)),
        limits(s),
        SettingParsers.duration(s, "tls-reload-interval", Duration.ofSeconds(10)));
  }

  private static ServerLimits limits(Settings s) {
    ServerLimits d = ServerLimits.DEFAULTS;
    Duration readTimeout =
        SettingParsers.duration(s, "kubelet-request-read-timeout", d.requestReadTimeout());
    if (readTimeout.isZero() || readTimeout.isNegative()) {
      throw new ConfigException("kubelet-request-read-timeout must be positive");
    }
    int big = 1_000_000;
    return new ServerLimits(
        SettingParsers.integer(s, "kubelet-max-connections", d.maxConnections(), 1, big),
        SettingParsers.integer(
            s, "kubelet-max-connections-per-address", d.maxConnectionsPerAddress(), 0, big),
        SettingParsers.integer(
            s, "kubelet-max-pipelined-requests", d.maxPipelinedRequests(), 1, 10_000),
        SettingParsers.integer(
            s, "kubelet-max-port-forward-pairs", d.maxPortForwardPairs(), 1, 10_000),
        readTimeout,
        SettingParsers.integer(s, "kubelet-request-threads", d.requestThreads(), 1, 10_000),
        SettingParsers.integer(s, "kubelet-request-queue", d.requestQueue(), 0, big),
        SettingParsers.integer(s, "kubelet-stream-threads", d.streamThreads(), 1, 100_000),
        SettingParsers.integer(
            s, "kubelet-token-reviews-per-second", (int) d.tokenReviewsPerSecond(), 1, big),
        SettingParsers.integer(s, "kubelet-token-review-burst", d.tokenReviewBurst(), 1, big));
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void readable(String name, Path file) {
    if (!Files.isReadable(file)) {
      throw new ConfigException(name + " " + file + " does not exist or is not readable");
    }
  }
}
