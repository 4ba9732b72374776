package dev.vk.kubeletapi;

import dev.vk.kubeletapi.auth.AccessControl;
import dev.vk.kubeletapi.auth.CachingAccessReviewer;
import dev.vk.kubeletapi.auth.CachingTokenReviewer;
import dev.vk.kubeletapi.auth.RateLimitedTokenReviewer;
import dev.vk.kubeletapi.limits.BoundedPools;
import dev.vk.kubeletapi.limits.ConnectionLimiter;
import dev.vk.kubeletapi.limits.ServerLimits;
import dev.vk.kubeletapi.limits.TokenBucket;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.kubeletapi.spi.TokenReviewer;
import dev.vk.kubeletapi.stream.StreamSettings;
import dev.vk.kubeletapi.tls.ReloadingTls;
import dev.vk.kubeletapi.tls.ServerTls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the kubelet API server; all it does is bootstrap. Usage:
 *
 * <pre>{@code
 * KubeletApiConfig config = KubeletApiConfig.builder()
 *     .nodeName("vk-aci")
 *     .tls(Path.of("/etc/vk/tls.crt"), Path.of("/etc/vk/tls.key"))
 *     .clientCaFile(Path.of("/etc/vk/client-ca.crt"))
 *     .tokenReviewer(tokenReviewer)
 *     .accessReviewer(accessReviewer)
 *     .build();
 * KubeletHandlers handlers = KubeletHandlers.builder()
 *     .containerLogs(provider::logs)
 *     .exec(provider::exec)
 *     .build();
 * try (KubeletApiServer server = KubeletApiServer.start(config, handlers)) {
 *   ...
 * }
 * }</pre>
 */
public final class KubeletApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KubeletApiServer.class);

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final List<ExecutorService> ownedExecutors;
  private final Channel listener;
  private final ConnectionLimiter connections;

  private KubeletApiServer(
      EventLoopGroup boss,
      EventLoopGroup workers,
      List<ExecutorService> ownedExecutors,
      Channel listener,
      ConnectionLimiter connections) {
    this.boss = boss;
    this.workers = workers;
    this.ownedExecutors = ownedExecutors;
    this.listener = listener;
    this.connections = connections;
  }

  /** Binds and starts serving; blocks until bound. */
  public static KubeletApiServer start(KubeletApiConfig config, KubeletHandlers handlers)
      throws IOException, InterruptedException {
    if (config.insecure()) {
      log.warn(
          "INSECURE: the kubelet API on {} serves everyone without authentication or"
              + " authorization; use this for local development only",
          config.bindAddress());
    }
    ReloadingTls tls = tls(config);
    ServerLimits limits = config.limits();
    List<ExecutorService> owned = new ArrayList<>();
    Executor requests = config.blockingExecutor().orElse(null);
    Executor auth = requests;
    Executor streams = requests;
    if (requests == null) {
      // Separate pools, so that slow reviews of unknown tokens cannot starve requests already
      // authenticated, nor long streams either of them.
      ExecutorService authPool =
          BoundedPools.create("kubelet-api-auth", limits.requestThreads(), limits.requestQueue());
      ExecutorService requestPool =
          BoundedPools.create(
              "kubelet-api-request", limits.requestThreads(), limits.requestQueue());
      ExecutorService streamPool =
          BoundedPools.create("kubelet-api-stream", limits.streamThreads(), 0);
      owned.addAll(List.of(authPool, requestPool, streamPool));
      auth = authPool;
      requests = requestPool;
      streams = streamPool;
    }
    StreamSettings stream =
        new StreamSettings(
            streams,
            config.streamIdleTimeout(),
            config.streamCreationTimeout(),
            limits.maxPortForwardPairs());
    ConnectionLimiter connections =
        new ConnectionLimiter(limits.maxConnections(), limits.maxConnectionsPerAddress());
    KubeletApiInitializer initializer =
        new KubeletApiInitializer(
            tls,
            KubeletRoutes.router(handlers, stream),
            accessControl(config),
            auth,
            requests,
            config.httpIdleTimeout(),
            limits,
            connections,
            config.listener());
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    try {
      watch(tls, config.tlsReloadInterval(), boss);
      Channel listener =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .childHandler(initializer)
              .bind(config.bindAddress())
              .sync()
              .channel();
      InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
      log.info("kubelet API listening on https://{}:{}", bound.getHostString(), bound.getPort());
      return new KubeletApiServer(boss, workers, owned, listener, connections);
    } catch (InterruptedException | RuntimeException e) {
      boss.shutdownGracefully();
      workers.shutdownGracefully();
      owned.forEach(ExecutorService::shutdownNow);
      throw e;
    }
  }

  private static ReloadingTls tls(KubeletApiConfig config) throws IOException {
    Path cert = config.tlsCertFile().orElse(null);
    Path key = config.tlsKeyFile().orElse(null);
    Path ca = config.clientCaFile().orElse(null);
    List<String> hosts = config.selfSignedHosts();
    List<Path> files = new ArrayList<>();
    if (cert != null) {
      files.add(cert);
      files.add(key);
    }
    files.add(ca);
    return new ReloadingTls(files, () -> ServerTls.context(cert, key, hosts, ca));
  }

  /** Polls the TLS files on the boss loop: a few stat calls, and a rare rebuild. */
  private static void watch(ReloadingTls tls, Duration interval, EventLoopGroup loop) {
    if (!tls.watchesFiles() || interval.isZero()) {
      return;
    }
    long millis = interval.toMillis();
    loop.scheduleWithFixedDelay(tls::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
  }

  private static AccessControl accessControl(KubeletApiConfig config) {
    if (config.insecure()) {
      return null;
    }
    ServerLimits limits = config.limits();
    TokenReviewer tokens =
        config
            .tokenReviewer()
            .map(
                t ->
                    (TokenReviewer)
                        new CachingTokenReviewer(
                            new RateLimitedTokenReviewer(
                                t,
                                new TokenBucket(
                                    limits.tokenReviewsPerSecond(),
                                    limits.tokenReviewBurst(),
                                    System::nanoTime)),
                            config.tokenCacheTtl(),
                            System::nanoTime))
            .orElse(null);
    return new AccessControl(
        config.nodeName(),
        tokens,
        new CachingAccessReviewer(
            config.accessReviewer().orElseThrow(),
            config.allowedCacheTtl(),
            config.deniedCacheTtl(),
            System::nanoTime));
  }

  /** The bound address; with port 0, the port picked. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** Connections open now. */
  public int openConnections() {
    return connections.open();
  }

  /** Stops listening, closes connections and waits for the event loops to end. */
  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    boss.shutdownGracefully().syncUninterruptibly();
    workers.shutdownGracefully().syncUninterruptibly();
    ownedExecutors.forEach(ExecutorService::shutdownNow);
  }
}
