package dev.vk.emulator.aci.exec;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client connected over a local channel to a server running the emulator's WebSocket
 * stack (the protocol handler configured as the emulator's pipeline does, then {@link
 * TerminalFrameHandler}). It records text output and the server's Close, and does not answer a
 * Close by itself, so a test decides when the closing handshake completes.
 */
final class WebSocketClient {

  private final StringBuffer text = new StringBuffer();
  private final CompletableFuture<Void> handshaken = new CompletableFuture<>();
  private volatile Integer closeStatus;
  private Channel client;
  private Channel server;

  private WebSocketClient() {}

  /**
   * Starts a server on {@code group} taking sessions from {@code sessions}, connects to it and
   * completes the handshake for {@code path}; blocks until then (10 s at most).
   */
  static WebSocketClient connect(EventLoopGroup group, String path, ExecSessions sessions)
      throws Exception {
    WebSocketClient ws = new WebSocketClient();
    LocalAddress address = new LocalAddress("aci-ws-" + UUID.randomUUID());
    BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
    new ServerBootstrap()
        .group(group)
        .channel(LocalServerChannel.class)
        .childHandler(
            new ChannelInitializer<LocalChannel>() {
              @Override
              protected void initChannel(LocalChannel ch) {
                ch.pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(64 * 1024))
                    .addLast(
                        new WebSocketServerProtocolHandler(
                            WebSocketServerProtocolConfig.newBuilder()
                                .websocketPath(WebSocketGuardHandler.PATH)
                                .checkStartsWith(true)
                                .build()))
                    .addLast(new TerminalFrameHandler(sessions));
                accepted.add(ch);
              }
            })
        .bind(address)
        .sync();
    ws.client =
        new Bootstrap()
            .group(group)
            .channel(LocalChannel.class)
            .handler(
                new ChannelInitializer<LocalChannel>() {
                  @Override
                  protected void initChannel(LocalChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(
                            new WebSocketClientProtocolHandler(
                                WebSocketClientProtocolConfig.newBuilder()
                                    .webSocketUri(URI.create("ws://emulator.test" + path))
                                    .handleCloseFrames(false)
                                    .build()))
                        .addLast(ws.new Recorder());
                  }
                })
            .connect(address)
            .sync()
            .channel();
    ws.server = accepted.take();
    ws.handshaken.get(10, TimeUnit.SECONDS);
    return ws;
  }

  /** The server's side of the connection. */
  Channel server() {
    return server;
  }

  /** Sends a frame; does not wait for it to arrive. */
  void send(WebSocketFrame frame) {
    client.writeAndFlush(frame);
  }

  /** The text frames received so far, joined. */
  String text() {
    return text.toString();
  }

  /** The status of the server's Close, or null before one arrived. */
  Integer closeStatus() {
    return closeStatus;
  }

  /** Records frames; completes the handshake future once the upgrade is done. */
  private final class Recorder extends SimpleChannelInboundHandler<WebSocketFrame> {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        handshaken.complete(null);
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof TextWebSocketFrame t) {
        text.append(t.text());
      } else if (frame instanceof CloseWebSocketFrame c && closeStatus == null) {
        closeStatus = c.statusCode();
      }
    }
  }
}
