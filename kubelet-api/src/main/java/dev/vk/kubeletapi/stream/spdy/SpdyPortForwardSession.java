package dev.vk.kubeletapi.stream.spdy;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortForwarding;
import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.stream.AsyncCall;
import dev.vk.kubeletapi.stream.ChannelOutputStream;
import dev.vk.kubeletapi.stream.ExitStatus;
import dev.vk.kubeletapi.stream.ForwardedConnection;
import dev.vk.kubeletapi.stream.StdinPipe;
import dev.vk.kubeletapi.stream.StreamSettings;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Port-forward over SPDY. Each client connection opens an error and a data stream carrying the same
 * {@code port} and {@code requestid} headers; once both exist the pair is forwarded. One session
 * carries up to {@link StreamSettings#maxPortForwardPairs()} pairs at once (each holds a thread);
 * the streams of one more are refused. When a forward ends, its data and error streams end, a
 * failure's message first written on the error stream.
 */
public final class SpdyPortForwardSession extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SpdyPortForwardSession.class);

  /** One client connection: its two streams and, once both exist, its forward. */
  private static final class Pair {
    final int port;
    Integer errorStream;
    Integer dataStream;
    ForwardedConnection connection;
    CompletableFuture<Void> forward;
    ScheduledFuture<?> timer;

    Pair(int port) {
      this.port = port;
    }
  }

  private final PodRef pod;
  private final PortForwarding forwarder;
  private final StreamSettings settings;
  private final Map<String, Pair> byRequest = new HashMap<>();
  private final Map<Integer, Pair> byStream = new HashMap<>();

  public SpdyPortForwardSession(PodRef pod, PortForwarding forwarder, StreamSettings settings) {
    this.pod = pod;
    this.forwarder = forwarder;
    this.settings = settings;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof SpdySynStreamFrame syn) {
      onStream(ctx, syn);
    } else if (msg instanceof SpdyDataFrame data) {
      try {
        onData(ctx, data);
      } finally {
        data.release();
      }
    } else if (msg instanceof SpdyRstStreamFrame rst) {
      Pair pair = byStream.get(rst.streamId());
      if (pair != null && pair.forward != null) {
        pair.forward.cancel(true);
      }
      forget(pair);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void onStream(ChannelHandlerContext ctx, SpdySynStreamFrame syn) {
    int id = syn.streamId();
    String type = syn.isInvalid() ? null : SpdyFrames.header(syn, SpdyFrames.STREAM_TYPE);
    int port = syn.isInvalid() ? -1 : port(SpdyFrames.header(syn, "port"));
    boolean isError = "error".equals(type);
    if (!(isError || "data".equals(type)) || port < 0) {
      refuse(ctx, id, "stream type " + type + ", port " + port);
      return;
    }
    String requestId = SpdyFrames.header(syn, "requestid");
    if (requestId == null || requestId.isEmpty()) {
      // Old clients send no request id; the data stream follows its error stream.
      requestId = Integer.toString(isError ? id : id - 2);
    }
    if (!byRequest.containsKey(requestId) && byRequest.size() >= settings.maxPortForwardPairs()) {
      refuse(ctx, id, "more than " + settings.maxPortForwardPairs() + " port-forward pairs");
      return;
    }
    Pair pair = byRequest.computeIfAbsent(requestId, r -> newPair(ctx, r, port));
    if (pair.port != port || (isError ? pair.errorStream : pair.dataStream) != null) {
      refuse(ctx, id, "duplicate or mismatched stream for request " + requestId);
      return;
    }
    ctx.writeAndFlush(SpdyFrames.reply(id, type));
    byStream.put(id, pair);
    if (isError) {
      pair.errorStream = id;
    } else {
      pair.dataStream = id;
      pair.connection = connection(ctx.channel(), id);
      if (syn.isLast()) {
        pair.connection.input().end();
      }
    }
    if (pair.errorStream != null && pair.dataStream != null) {
      start(ctx, pair);
    }
  }

  private Pair newPair(ChannelHandlerContext ctx, String requestId, int port) {
    Pair pair = new Pair(port);
    pair.timer =
        ctx.executor()
            .schedule(
                () -> {
                  log.debug("port-forward request {} never opened both streams", requestId);
                  for (Integer id : new Integer[] {pair.errorStream, pair.dataStream}) {
                    if (id != null) {
                      ctx.writeAndFlush(SpdyFrames.reset(id, SpdyStreamStatus.CANCEL));
                    }
                  }
                  forget(pair);
                },
                settings.creationTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    return pair;
  }

  private static ForwardedConnection connection(Channel channel, int dataStream) {
    return new ForwardedConnection(
        new StdinPipe(
            () -> channel.config().setAutoRead(false), () -> channel.config().setAutoRead(true)),
        new ChannelOutputStream(
            channel,
            payload -> SpdyFrames.data(dataStream, payload),
            () -> SpdyFrames.fin(dataStream)));
  }

  private void start(ChannelHandlerContext ctx, Pair pair) {
    pair.timer.cancel(false);
    pair.forward =
        AsyncCall.start(
            () -> forwarder.forward(pod, pair.port, pair.connection), settings.blocking());
    pair.forward.whenCompleteAsync((v, failure) -> done(ctx, pair, failure), ctx.executor());
  }

  private void done(ChannelHandlerContext ctx, Pair pair, Throwable failure) {
    if (!ctx.channel().isActive() || ExitStatus.clientGone(failure)) {
      return;
    }
    pair.connection.output().close();
    if (failure != null) {
      String message =
          "error forwarding port "
              + pair.port
              + " to pod "
              + pod
              + ", uid "
              + pod.uid()
              + ": "
              + ApiError.of(failure).message();
      ctx.write(
          SpdyFrames.data(
              pair.errorStream, Unpooled.copiedBuffer(message, StandardCharsets.UTF_8)));
    }
    ctx.writeAndFlush(SpdyFrames.fin(pair.errorStream));
    forget(pair);
  }

  private void onData(ChannelHandlerContext ctx, SpdyDataFrame data) {
    Pair pair = byStream.get(data.streamId());
    if (pair == null) {
      ctx.writeAndFlush(SpdyFrames.reset(data.streamId(), SpdyStreamStatus.INVALID_STREAM));
      return;
    }
    if (Integer.valueOf(data.streamId()).equals(pair.dataStream)) {
      pair.connection.input().offer(data.content());
      if (data.isLast()) {
        pair.connection.input().end();
      }
    }
  }

  private void refuse(ChannelHandlerContext ctx, int id, String why) {
    log.debug("refusing port-forward stream {}: {}", id, why);
    ctx.writeAndFlush(SpdyFrames.reset(id, SpdyStreamStatus.REFUSED_STREAM));
  }

  private void forget(Pair pair) {
    if (pair == null) {
      return;
    }
    pair.timer.cancel(false);
    if (pair.connection != null) {
      pair.connection.abort();
    }
    byRequest.values().remove(pair);
    byStream.values().removeIf(p -> p == pair);
  }

  static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      return port > 0 && port <= 65535 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    for (Pair pair : new ArrayList<>(byRequest.values())) {
      if (pair.forward != null) {
        pair.forward.cancel(true);
      }
      if (pair.connection != null) {
        pair.connection.abort();
      }
      pair.timer.cancel(false);
    }
    byRequest.clear();
    byStream.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.warn("closing port-forward session after an error", cause);
    ctx.close();
  }
}
