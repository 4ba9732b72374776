package dev.vk.node.config;

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
 */
public record KubeletApiSettings(
    String address,
    Optional<Path> tlsCertFile,
    Optional<Path> tlsKeyFile,
    Optional<Path> clientCaFile,
    boolean insecure,
    Duration streamIdleTimeout,
    Duration streamCreationTimeout) {

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
    return new KubeletApiSettings(
        s.get("kubelet-address").orElse("0.0.0.0"),
        cert,
        key,
        ca,
        SettingParsers.bool(s, "insecure-kubelet-api", false),
        SettingParsers.duration(s, "stream-idle-timeout", Duration.ofHours(4)),
        SettingParsers.duration(s, "stream-creation-timeout", Duration.ofSeconds(30)));
  }

  private static void readable(String name, Path file) {
    if (!Files.isReadable(file)) {
      throw new ConfigException(name + " " + file + " does not exist or is not readable");
    }
  }
}
