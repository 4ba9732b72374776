package dev.vk.kubeletapi.stream.ws;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortForwarding;
import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.stream.AsyncCall;
import dev.vk.kubeletapi.stream.ChannelOutputStream;
import dev.vk.kubeletapi.stream.ExitStatus;
import dev.vk.kubeletapi.stream.ForwardedConnection;
import dev.vk.kubeletapi.stream.StdinPipe;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Old-style WebSocket port-forward: one connection per requested port, on channels {@code 2i}
 * (data) and {@code 2i+1} (error). Each channel first carries its port as two little-endian bytes.
 * A failed forward writes its message on the error channel; when all are done, the WebSocket
 * closes.
 */
public final class WsPortForwardSession extends ChannelInboundHandlerAdapter {
  private final PodRef pod;
  private final List<Integer> ports;
  private final PortForwarding forwarder;
  private final Executor blocking;
  private final List<ForwardedConnection> connections = new ArrayList<>();
  private final List<CompletableFuture<Void>> forwards = new ArrayList<>();
  private int running;

  public WsPortForwardSession(
      PodRef pod, List<Integer> ports, PortForwarding forwarder, Executor blocking) {
    this.pod = pod;
    this.ports = List.copyOf(ports);
    this.forwarder = forwarder;
    this.blocking = blocking;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    running = ports.size();
    for (int i = 0; i < ports.size(); i++) {
      int port = ports.get(i);
      int data = 2 * i;
      int error = 2 * i + 1;
      channel.write(new ChannelMessage(data, portPrefix(port)));
      channel.writeAndFlush(new ChannelMessage(error, portPrefix(port)));
      ForwardedConnection connection =
          new ForwardedConnection(
              new StdinPipe(
                  () -> channel.config().setAutoRead(false),
                  () -> channel.config().setAutoRead(true)),
              new ChannelOutputStream(channel, payload -> new ChannelMessage(data, payload), null));
      connections.add(connection);
      CompletableFuture<Void> forward =
          AsyncCall.start(() -> forwarder.forward(pod, port, connection), blocking);
      forwards.add(forward);
      forward.whenCompleteAsync((v, failure) -> done(ctx, port, error, failure), ctx.executor());
    }
  }

  private static ByteBuf portPrefix(int port) {
    return Unpooled.buffer(2).writeShortLE(port);
  }

  private void done(ChannelHandlerContext ctx, int port, int errorChannel, Throwable failure) {
    if (!ctx.channel().isActive() || ExitStatus.clientGone(failure)) {
      return;
    }
    if (failure != null) {
      String message =
          "error forwarding port "
              + port
              + " to pod "
              + pod
              + ", uid "
              + pod.uid()
              + ": "
              + ApiError.of(failure).message();
      ctx.channel()
          .writeAndFlush(
              new ChannelMessage(
                  errorChannel, Unpooled.copiedBuffer(message, StandardCharsets.UTF_8)));
    }
    if (--running == 0) {
      WebSocketControlHandler.closeNormally(ctx);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ChannelMessage message)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      int index = message.channel() / 2;
      if (message.channel() % 2 == 0 && index < connections.size()) {
        connections.get(index).input().offer(message.content());
      }
    } finally {
      message.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    connections.forEach(ForwardedConnection::abort);
    forwards.forEach(f -> f.cancel(true));
    ctx.fireChannelInactive();
  }
}
