package dev.vk.node.config;

import dev.vk.kubeletapi.limits.ServerLimits;
import dev.vk.provider.settings.SettingReader;
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

  /**
   * Reads and checks the settings. Idempotent; blocks on the file system to check the TLS files.
   *
   * @throws dev.vk.provider.settings.SettingException naming the first bad setting
   */
  public static KubeletApiSettings from(Settings s) {
    SettingReader r = s.reader();
    Optional<Path> cert = r.readableFile("tls-cert-file");
    Optional<Path> key = r.readableFile("tls-key-file");
    if (cert.isPresent() != key.isPresent()) {
      String missing = cert.isPresent() ? "tls-key-file" : "tls-cert-file";
      throw r.invalid(missing, null, "a PEM file, set together with the other of the pair");
    }
    Optional<Path> ca = r.readableFile("client-ca-file");
    if (ca.isEmpty() && Files.isReadable(IN_CLUSTER_CA)) {
      ca = Optional.of(IN_CLUSTER_CA);
    }
    String address = r.string("kubelet-address", "0.0.0.0");
    boolean insecure = r.bool("insecure-kubelet-api", false);
    if (insecure && !loopback(address)) {
      throw r.invalid(
          "kubelet-address", address, "loopback (127.0.0.1 or ::1) with insecure-kubelet-api");
    }
    return new KubeletApiSettings(
        address,
        cert,
        key,
        ca,
        insecure,
        r.positiveDuration("stream-idle-timeout", Duration.ofHours(4)),
        r.positiveDuration("stream-creation-timeout", Duration.ofSeconds(30)),
        limits(r),
        r.duration("tls-reload-interval", Duration.ofSeconds(10)));
  }

  private static ServerLimits limits(SettingReader r) {
    ServerLimits d = ServerLimits.DEFAULTS;
    int big = 1_000_000;
    return new ServerLimits(
        r.intBetween("kubelet-max-connections", d.maxConnections(), 1, big),
        r.intBetween("kubelet-max-connections-per-address", d.maxConnectionsPerAddress(), 0, big),
        r.intBetween("kubelet-max-pipelined-requests", d.maxPipelinedRequests(), 1, 10_000),
        r.intBetween("kubelet-max-port-forward-pairs", d.maxPortForwardPairs(), 1, 10_000),
        r.positiveDuration("kubelet-request-read-timeout", d.requestReadTimeout()),
        r.intBetween("kubelet-request-threads", d.requestThreads(), 1, 10_000),
        r.intBetween("kubelet-request-queue", d.requestQueue(), 0, big),
        r.intBetween("kubelet-stream-threads", d.streamThreads(), 1, 100_000),
        r.intBetween("kubelet-token-reviews-per-second", (int) d.tokenReviewsPerSecond(), 1, big),
        r.intBetween("kubelet-token-review-burst", d.tokenReviewBurst(), 1, big));
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
