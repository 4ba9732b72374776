package dev.vk.kubeletapi;

import dev.vk.kubeletapi.auth.AccessControl;
import dev.vk.kubeletapi.auth.CachingAccessReviewer;
import dev.vk.kubeletapi.auth.CachingTokenReviewer;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.kubeletapi.spi.TokenReviewer;
import dev.vk.kubeletapi.stream.StreamSettings;
import dev.vk.kubeletapi.tls.ServerTls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final ExecutorService ownedExecutor;
  private final Channel listener;

  private KubeletApiServer(
      EventLoopGroup boss,
      EventLoopGroup workers,
      ExecutorService ownedExecutor,
      Channel listener) {
    this.boss = boss;
    this.workers = workers;
    this.ownedExecutor = ownedExecutor;
    this.listener = listener;
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
    SslContext ssl =
        ServerTls.context(
            config.tlsCertFile().orElse(null),
            config.tlsKeyFile().orElse(null),
            config.selfSignedHosts(),
            config.clientCaFile().orElse(null));
    ExecutorService owned =
        config.blockingExecutor().isPresent()
            ? null
            : Executors.newCachedThreadPool(daemonThreads());
    Executor blocking = config.blockingExecutor().orElse(owned);
    StreamSettings stream =
        new StreamSettings(blocking, config.streamIdleTimeout(), config.streamCreationTimeout());
    KubeletApiInitializer initializer =
        new KubeletApiInitializer(
            ssl,
            KubeletRoutes.router(handlers, stream),
            accessControl(config),
            blocking,
            config.httpIdleTimeout(),
            config.listener());
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    try {
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
      return new KubeletApiServer(boss, workers, owned, listener);
    } catch (InterruptedException | RuntimeException e) {
      boss.shutdownGracefully();
      workers.shutdownGracefully();
      if (owned != null) {
        owned.shutdownNow();
      }
      throw e;
    }
  }

  private static AccessControl accessControl(KubeletApiConfig config) {
    if (config.insecure()) {
      return null;
    }
    TokenReviewer tokens =
        config
            .tokenReviewer()
            .map(
                t ->
                    (TokenReviewer)
                        new CachingTokenReviewer(t, config.tokenCacheTtl(), System::nanoTime))
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

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "kubelet-api-blocking-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The bound address; with port 0, the port picked. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** Stops listening, closes connections and waits for the event loops to end. */
  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    boss.shutdownGracefully().syncUninterruptibly();
    workers.shutdownGracefully().syncUninterruptibly();
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }
}
