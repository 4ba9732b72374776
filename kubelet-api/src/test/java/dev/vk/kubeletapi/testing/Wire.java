package dev.vk.kubeletapi.testing;

import dev.vk.kubeletapi.http.HttpPipeline;
import dev.vk.kubeletapi.http.RequestDispatcher;
import dev.vk.kubeletapi.http.Router;
import dev.vk.kubeletapi.stream.PortForwardRoute;
import dev.vk.kubeletapi.stream.RemoteCommandRoute;
import dev.vk.kubeletapi.stream.StreamSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Byte-level helpers for upgrade tests: a server channel with the real HTTP-phase pipeline (minus
 * TLS and auth), raw requests in, raw bytes out.
 */
public final class Wire {
  /** Stream settings for upgrade tests: direct execution, generous timeouts. */
  public static final StreamSettings STREAM_SETTINGS =
      new StreamSettings(EmbeddedHttp.DIRECT, Duration.ofHours(4), Duration.ofSeconds(30));

  private Wire() {}

  /**
   * A server with an exec route at {@code execPath} running {@code exec}, and a port-forward route
   * whose streams never complete: what the SPDY and WebSocket upgrade tests talk to.
   */
  public static EmbeddedChannel streamingServer(TestingExec exec, String execPath) {
    return server(
        Router.builder()
            .route(
                execPath,
                RemoteCommandRoute.exec(exec, STREAM_SETTINGS),
                HttpMethod.GET,
                HttpMethod.POST)
            .route(
                "/portForward/{namespace}/{pod}",
                new PortForwardRoute(
                    (pod, port, stream) -> new CompletableFuture<>(), STREAM_SETTINGS),
                HttpMethod.GET,
                HttpMethod.POST)
            .build());
  }

  /** The HTTP-phase pipeline as the initializer builds it, without TLS and authentication. */
  public static EmbeddedChannel server(Router router) {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.pipeline().addLast(HttpPipeline.CODEC, new HttpServerCodec());
    channel.pipeline().addLast(HttpPipeline.IDLE, HttpPipeline.idleTimer(Duration.ofSeconds(90)));
    channel.pipeline().addLast(HttpPipeline.AGGREGATOR, new HttpObjectAggregator(65536));
    channel
        .pipeline()
        .addLast(HttpPipeline.DISPATCHER, new RequestDispatcher(router, EmbeddedHttp.DIRECT));
    return channel;
  }

  /** A raw HTTP/1.1 request: the request line and headers, CRLF-separated, no body. */
  public static ByteBuf request(String... lines) {
    return Unpooled.copiedBuffer(
        String.join("\r\n", lines) + "\r\n\r\n", StandardCharsets.US_ASCII);
  }

  /** Everything the channel wrote so far, concatenated. */
  public static ByteBuf drain(EmbeddedChannel channel) {
    channel.runPendingTasks();
    ByteBuf all = Unpooled.buffer();
    for (Object msg = channel.readOutbound(); msg != null; msg = channel.readOutbound()) {
      ByteBuf buf = (ByteBuf) msg;
      all.writeBytes(buf);
      buf.release();
    }
    return all;
  }

  /** Reads the status line and headers off {@code bytes}, leaving what follows. */
  public static String takeHead(ByteBuf bytes) {
    int end =
        ByteBufUtil.indexOf(
            Unpooled.wrappedBuffer("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), bytes);
    if (end < 0) {
      throw new AssertionError(
          "no complete HTTP head in: " + bytes.toString(StandardCharsets.US_ASCII));
    }
    String head =
        bytes.readCharSequence(end - bytes.readerIndex() + 4, StandardCharsets.US_ASCII).toString();
    return head;
  }

  /** The body after a head with Content-Length. */
  public static String takeBody(ByteBuf bytes, String head) {
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return bytes.readCharSequence(length, StandardCharsets.UTF_8).toString();
  }
}
