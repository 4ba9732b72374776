package dev.vk.kubeletapi;

import dev.vk.kubeletapi.limits.ServerLimits;
import dev.vk.kubeletapi.spi.AccessReviewer;
import dev.vk.kubeletapi.spi.KubeletApiListener;
import dev.vk.kubeletapi.spi.TokenReviewer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How the kubelet API server listens, secures and times out connections. Defaults follow the
 * kubelet; {@link Builder#build()} validates. Required: {@code nodeName}, and either an {@code
 * accessReviewer} plus an authenticator (token reviewer or client CA) or {@code insecure} (on a
 * loopback address only).
 */
public final class KubeletApiConfig {
  /** The kubelet's secure port. */
  public static final int DEFAULT_PORT = 10250;

  private final String nodeName;
  private final InetSocketAddress bindAddress;
  private final Path tlsCertFile;
  private final Path tlsKeyFile;
  private final List<String> selfSignedHosts;
  private final Path clientCaFile;
  private final TokenReviewer tokenReviewer;
  private final AccessReviewer accessReviewer;
  private final boolean insecure;
  private final Duration tokenCacheTtl;
  private final Duration allowedCacheTtl;
  private final Duration deniedCacheTtl;
  private final Duration httpIdleTimeout;
  private final Duration streamIdleTimeout;
  private final Duration streamCreationTimeout;
  private final Executor blockingExecutor;
  private final ServerLimits limits;
  private final Duration tlsReloadInterval;
  private final KubeletApiListener listener;

  private KubeletApiConfig(Builder b) {
    this.nodeName = b.nodeName;
    this.bindAddress = new InetSocketAddress(b.bindHost, b.port);
    this.tlsCertFile = b.tlsCertFile;
    this.tlsKeyFile = b.tlsKeyFile;
    this.selfSignedHosts =
        b.selfSignedHosts != null
            ? List.copyOf(b.selfSignedHosts)
            : List.of(b.nodeName, "localhost", "127.0.0.1");
    this.clientCaFile = b.clientCaFile;
    this.tokenReviewer = b.tokenReviewer;
    this.accessReviewer = b.accessReviewer;
    this.insecure = b.insecure;
    this.tokenCacheTtl = b.tokenCacheTtl;
    this.allowedCacheTtl = b.allowedCacheTtl;
    this.deniedCacheTtl = b.deniedCacheTtl;
    this.httpIdleTimeout = b.httpIdleTimeout;
    this.streamIdleTimeout = b.streamIdleTimeout;
    this.streamCreationTimeout = b.streamCreationTimeout;
    this.blockingExecutor = b.blockingExecutor;
    this.limits = b.limits;
    this.tlsReloadInterval = b.tlsReloadInterval;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The node name used in authorization checks ({@code nodes/<name>}). */
  public String nodeName() {
    return nodeName;
  }

  public InetSocketAddress bindAddress() {
    return bindAddress;
  }

  /** The PEM serving certificate, or empty for a self-signed one. */
  public Optional<Path> tlsCertFile() {
    return Optional.ofNullable(tlsCertFile);
  }

  public Optional<Path> tlsKeyFile() {
    return Optional.ofNullable(tlsKeyFile);
  }

  /** Subject alternative names of a generated certificate. */
  public List<String> selfSignedHosts() {
    return selfSignedHosts;
  }

  public Optional<Path> clientCaFile() {
    return Optional.ofNullable(clientCaFile);
  }

  public Optional<TokenReviewer> tokenReviewer() {
    return Optional.ofNullable(tokenReviewer);
  }

  public Optional<AccessReviewer> accessReviewer() {
    return Optional.ofNullable(accessReviewer);
  }

  /** No authentication nor authorization at all: local development only. */
  public boolean insecure() {
    return insecure;
  }

  public Duration tokenCacheTtl() {
    return tokenCacheTtl;
  }

  public Duration allowedCacheTtl() {
    return allowedCacheTtl;
  }

  public Duration deniedCacheTtl() {
    return deniedCacheTtl;
  }

  /** How long a keep-alive connection may wait between requests. */
  public Duration httpIdleTimeout() {
    return httpIdleTimeout;
  }

  /** How long an upgraded (exec, attach, port-forward) connection may stay silent. */
  public Duration streamIdleTimeout() {
    return streamIdleTimeout;
  }

  /** How long a client may take to open the streams of an upgraded connection. */
  public Duration streamCreationTimeout() {
    return streamCreationTimeout;
  }

  /** The executor for calls that may block, or empty for one owned by the server. */
  public Optional<Executor> blockingExecutor() {
    return Optional.ofNullable(blockingExecutor);
  }

  /** What clients may make the server hold: connections, requests, threads, token reviews. */
  public ServerLimits limits() {
    return limits;
  }

  /** How often the TLS files are checked for changes; zero never. */
  public Duration tlsReloadInterval() {
    return tlsReloadInterval;
  }

  /** Hears every response and stream, for metrics; {@link KubeletApiListener#NONE} by default. */
  public KubeletApiListener listener() {
    return listener;
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private String nodeName;
    private String bindHost = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private Path tlsCertFile;
    private Path tlsKeyFile;
    private List<String> selfSignedHosts;
    private Path clientCaFile;
    private TokenReviewer tokenReviewer;
    private AccessReviewer accessReviewer;
    private boolean insecure;
    private Duration tokenCacheTtl = Duration.ofMinutes(2);
    private Duration allowedCacheTtl = Duration.ofMinutes(5);
    private Duration deniedCacheTtl = Duration.ofSeconds(30);
    private Duration httpIdleTimeout = Duration.ofSeconds(90);
    private Duration streamIdleTimeout = Duration.ofHours(4);
    private Duration streamCreationTimeout = Duration.ofSeconds(30);
    private Executor blockingExecutor;
    private ServerLimits limits = ServerLimits.DEFAULTS;
    private Duration tlsReloadInterval = Duration.ofSeconds(10);
    private KubeletApiListener listener = KubeletApiListener.NONE;

    private Builder() {}

    /** Required. */
    public Builder nodeName(String nodeName) {
      this.nodeName = nodeName;
      return this;
    }

    /** Default {@code 0.0.0.0}. */
    public Builder bindHost(String bindHost) {
      this.bindHost = bindHost;
      return this;
    }

    /** Default {@value KubeletApiConfig#DEFAULT_PORT}; 0 picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** PEM certificate chain and private key; both or neither (self-signed). */
    public Builder tls(Path certFile, Path keyFile) {
      this.tlsCertFile = certFile;
      this.tlsKeyFile = keyFile;
      return this;
    }

    /** Names for a self-signed certificate; default node name, localhost, 127.0.0.1. */
    public Builder selfSignedHosts(List<String> hosts) {
      this.selfSignedHosts = hosts;
      return this;
    }

    /** PEM CA bundle that signs client certificates (the apiserver's kubelet client). */
    public Builder clientCaFile(Path clientCaFile) {
      this.clientCaFile = clientCaFile;
      return this;
    }

    public Builder tokenReviewer(TokenReviewer tokenReviewer) {
      this.tokenReviewer = tokenReviewer;
      return this;
    }

    public Builder accessReviewer(AccessReviewer accessReviewer) {
      this.accessReviewer = accessReviewer;
      return this;
    }

    /** Turns authentication and authorization off. Local development only; logged loudly. */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    public Builder tokenCacheTtl(Duration ttl) {
      this.tokenCacheTtl = ttl;
      return this;
    }

    public Builder accessCacheTtl(Duration allowed, Duration denied) {
      this.allowedCacheTtl = allowed;
      this.deniedCacheTtl = denied;
      return this;
    }

    public Builder httpIdleTimeout(Duration timeout) {
      this.httpIdleTimeout = timeout;
      return this;
    }

    public Builder streamIdleTimeout(Duration timeout) {
      this.streamIdleTimeout = timeout;
      return this;
    }

    public Builder streamCreationTimeout(Duration timeout) {
      this.streamCreationTimeout = timeout;
      return this;
    }

    /** Default {@link ServerLimits#DEFAULTS}. */
    public Builder limits(ServerLimits limits) {
      this.limits = limits;
      return this;
    }

    /** How often to look for changed TLS files; default 10s, zero for never. */
    public Builder tlsReloadInterval(Duration interval) {
      this.tlsReloadInterval = interval;
      return this;
    }

    /**
     * Runs all calls that may block instead of the server's bounded pools; the caller keeps
     * ownership and must bound it.
     */
    public Builder blockingExecutor(Executor executor) {
      this.blockingExecutor = executor;
      return this;
    }

    /** Hears every response and stream, for metrics. Must not block. */
    public Builder listener(KubeletApiListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public KubeletApiConfig build() {
      require(nodeName != null && !nodeName.isBlank(), "nodeName is required");
      require(port >= 0 && port <= 65535, "port must be 0..65535, was " + port);
      require(
          (tlsCertFile == null) == (tlsKeyFile == null), "tls needs both a certificate and a key");
      requireReadable(tlsCertFile, "TLS certificate");
      requireReadable(tlsKeyFile, "TLS key");
      requireReadable(clientCaFile, "client CA");
      if (insecure) {
        require(
            tokenReviewer == null && accessReviewer == null && clientCaFile == null,
            "insecure mode disables authentication; do not configure reviewers or a client CA");
        require(
            loopback(bindHost),
            "insecure mode serves only on a loopback address (127.0.0.1, ::1), not " + bindHost);
      } else {
        require(accessReviewer != null, "an accessReviewer is required unless insecure");
        require(
            tokenReviewer != null || clientCaFile != null,
            "a tokenReviewer or a clientCaFile is required unless insecure");
      }
      for (Duration d :
          List.of(
              tokenCacheTtl,
              allowedCacheTtl,
              deniedCacheTtl,
              httpIdleTimeout,
              streamIdleTimeout,
              streamCreationTimeout,
              tlsReloadInterval)) {
        require(d != null && !d.isNegative(), "durations must not be negative");
      }
      Objects.requireNonNull(bindHost, "bindHost");
      Objects.requireNonNull(limits, "limits");
      return new KubeletApiConfig(this);
    }

    private static boolean loopback(String host) {
      try {
        return host != null && InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }

    private static void requireReadable(Path file, String what) {
      if (file != null && !Files.isReadable(file)) {
        throw new IllegalArgumentException(what + " file is not readable: " + file);
      }
    }
  }
}
