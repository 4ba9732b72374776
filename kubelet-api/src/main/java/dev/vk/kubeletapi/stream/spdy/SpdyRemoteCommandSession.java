package dev.vk.kubeletapi.stream.spdy;

import dev.vk.kubelet.types.TerminalSize;
import dev.vk.kubeletapi.stream.ChannelOutputStream;
import dev.vk.kubeletapi.stream.ChannelStreamIO;
import dev.vk.kubeletapi.stream.ExitStatus;
import dev.vk.kubeletapi.stream.RemoteCommand;
import dev.vk.kubeletapi.stream.ResizeDecoder;
import dev.vk.kubeletapi.stream.StdinPipe;
import dev.vk.kubeletapi.stream.StreamOptions;
import dev.vk.kubeletapi.stream.StreamSettings;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exec or attach over SPDY. Waits for the streams the query and protocol call for (error, then
 * stdin, stdout, stderr, resize) within the creation timeout, runs the command, then: resets stdin
 * and resize, ends stdout and stderr, writes the outcome on the error stream and ends it. The
 * client closes the connection once it has read everything; a grace timer closes it otherwise.
 */
public final class SpdyRemoteCommandSession extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SpdyRemoteCommandSession.class);
  static final Duration CLIENT_CLOSE_GRACE = Duration.ofSeconds(60);

  private final StreamOptions options;
  private final SpdyProtocol protocol;
  private final RemoteCommand command;
  private final StreamSettings settings;
  private final Set<String> expected = new LinkedHashSet<>();
  private final Map<String, Integer> streams = new HashMap<>();
  private final Map<Integer, String> types = new HashMap<>();
  private final Set<Integer> closedByClient = new HashSet<>();
  private ScheduledFuture<?> timer;
  private StdinPipe stdin;
  private ResizeDecoder resize;
  private TerminalSize earlySize;
  private ChannelStreamIO io;
  private CompletableFuture<Integer> run;

  public SpdyRemoteCommandSession(
      StreamOptions options,
      SpdyProtocol protocol,
      RemoteCommand command,
      StreamSettings settings) {
    this.options = options;
    this.protocol = protocol;
    this.command = command;
    this.settings = settings;
    expected.add("error");
    addIf(options.stdin(), "stdin");
    addIf(options.stdout(), "stdout");
    addIf(options.stderr(), "stderr");
    addIf(options.tty() && protocol.hasResize(), "resize");
  }

  private void addIf(boolean condition, String type) {
    if (condition) {
      expected.add(type);
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    if (options.stdin()) {
      stdin =
          new StdinPipe(
              () -> channel.config().setAutoRead(false), () -> channel.config().setAutoRead(true));
    }
    if (expected.contains("resize")) {
      resize = new ResizeDecoder(this::resized);
    }
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  log.warn("timed out waiting for the client to create streams {}", expected);
                  ctx.close();
                },
                settings.creationTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
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
      onReset(rst);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void onStream(ChannelHandlerContext ctx, SpdySynStreamFrame syn) {
    int id = syn.streamId();
    String type = syn.isInvalid() ? null : SpdyFrames.header(syn, SpdyFrames.STREAM_TYPE);
    if (type == null || !expected.contains(type) || streams.containsKey(type)) {
      log.debug("refusing stream {} of type {}; expecting {}", id, type, expected);
      ctx.writeAndFlush(SpdyFrames.reset(id, SpdyStreamStatus.REFUSED_STREAM));
      return;
    }
    ctx.writeAndFlush(SpdyFrames.reply(id, type));
    streams.put(type, id);
    types.put(id, type);
    if (syn.isLast()) {
      clientClosed(id);
    }
    if (streams.keySet().containsAll(expected)) {
      start(ctx);
    }
  }

  private void onData(ChannelHandlerContext ctx, SpdyDataFrame data) {
    String type = types.get(data.streamId());
    if (type == null) {
      ctx.writeAndFlush(SpdyFrames.reset(data.streamId(), SpdyStreamStatus.INVALID_STREAM));
      return;
    }
    if (type.equals("stdin")) {
      stdin.offer(data.content());
    } else if (type.equals("resize") && !resize.feed(data.content())) {
      log.debug("ignoring a malformed resize stream");
    }
    if (data.isLast()) {
      clientClosed(data.streamId());
    }
  }

  private void onReset(SpdyRstStreamFrame rst) {
    clientClosed(rst.streamId());
  }

  private void clientClosed(int id) {
    closedByClient.add(id);
    if ("stdin".equals(types.get(id))) {
      stdin.end();
    }
  }

  private void resized(TerminalSize size) {
    if (io == null) {
      earlySize = size;
    } else {
      io.resized(size);
    }
  }

  private void start(ChannelHandlerContext ctx) {
    timer.cancel(false);
    Channel channel = ctx.channel();
    io =
        new ChannelStreamIO(
            options.tty(),
            stdin,
            options.stdout() ? output(channel, streams.get("stdout")) : null,
            options.stderr() ? output(channel, streams.get("stderr")) : null);
    if (earlySize != null) {
      io.resized(earlySize);
    }
    run = command.run(io, settings.blocking());
    run.whenCompleteAsync((code, error) -> finish(ctx, code, error), ctx.executor());
  }

  private static ChannelOutputStream output(Channel channel, int id) {
    return new ChannelOutputStream(
        channel, payload -> SpdyFrames.data(id, payload), () -> SpdyFrames.fin(id));
  }

  private void finish(ChannelHandlerContext ctx, Integer code, Throwable error) {
    if (!ctx.channel().isActive() || ExitStatus.clientGone(error)) {
      return;
    }
    for (String type : new String[] {"stdin", "resize"}) {
      Integer id = streams.get(type);
      if (id != null && !closedByClient.contains(id)) {
        ctx.write(SpdyFrames.reset(id, SpdyStreamStatus.CANCEL));
      }
    }
    io.closeOutputs();
    int exitCode = ExitStatus.normalize(code);
    byte[] status =
        protocol.statusJson()
            ? ExitStatus.statusJson(exitCode, error)
            : ExitStatus.legacyText(exitCode, error);
    ctx.writeAndFlush(SpdyFrames.lastData(streams.get("error"), Unpooled.wrappedBuffer(status)));
    timer =
        ctx.executor()
            .schedule(() -> ctx.close(), CLIENT_CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
    }
    if (stdin != null) {
      stdin.abort();
    }
    if (io != null) {
      io.abort();
    }
    if (run != null) {
      run.cancel(true);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.warn("closing exec session after an error", cause);
    ctx.close();
  }
}
