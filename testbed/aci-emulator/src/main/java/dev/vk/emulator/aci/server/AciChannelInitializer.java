package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.exec.ExecSessions;
import dev.vk.emulator.aci.exec.TerminalFrameHandler;
import dev.vk.emulator.aci.exec.WebSocketGuardHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;

/**
 * Builds the pipeline: TLS, HTTP, the exec WebSocket branch, then the ARM chain route → faults →
 * auth → operation. Without an {@link SslContext} it serves plain HTTP (unit tests).
 */
public final class AciChannelInitializer extends ChannelInitializer<Channel> {

  /** ARM accepts request bodies up to 4 MB. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** Keystrokes arrive in small frames; 64 KB leaves room for pasted text. */
  static final int MAX_FRAME_BYTES = 64 * 1024;

  private final SslContext ssl;
  private final ExecSessions sessions;
  private final ArmHandlers arm;

  /** An initializer; {@code ssl} may be null for plain HTTP. */
  public AciChannelInitializer(SslContext ssl, ExecSessions sessions, ArmHandlers arm) {
    this.ssl = ssl;
    this.sessions = sessions;
    this.arm = arm;
  }

  @Override
  protected void initChannel(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (ssl != null) {
      pipeline.addLast("tls", ssl.newHandler(channel.alloc()));
    }
    pipeline.addLast("http", new HttpServerCodec());
    pipeline.addLast("aggregator", new HttpObjectAggregator(MAX_BODY_BYTES));
    pipeline.addLast("ws-guard", new WebSocketGuardHandler(sessions));
    pipeline.addLast(
        "ws",
        new WebSocketServerProtocolHandler(
            WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WebSocketGuardHandler.PATH)
                .checkStartsWith(true)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .build()));
    pipeline.addLast("terminal", new TerminalFrameHandler(sessions));
    pipeline.addLast("route", arm.route());
    pipeline.addLast("faults", arm.faults());
    pipeline.addLast("auth", arm.auth());
    pipeline.addLast("operation", arm.operation());
  }
}
