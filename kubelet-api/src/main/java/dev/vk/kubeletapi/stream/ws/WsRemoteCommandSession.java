package dev.vk.kubeletapi.stream.ws;

import dev.vk.kubeletapi.stream.ChannelOutputStream;
import dev.vk.kubeletapi.stream.ChannelStreamIO;
import dev.vk.kubeletapi.stream.ExitStatus;
import dev.vk.kubeletapi.stream.RemoteCommand;
import dev.vk.kubeletapi.stream.ResizeDecoder;
import dev.vk.kubeletapi.stream.StdinPipe;
import dev.vk.kubeletapi.stream.StreamOptions;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exec or attach over the WebSocket channel protocol. On start it sends an empty message on the
 * lowest output channel ("connected", as the kubelet does); at the end it writes the outcome on the
 * error channel and closes the WebSocket normally.
 */
public final class WsRemoteCommandSession extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(WsRemoteCommandSession.class);
  static final int STDIN = 0;
  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int ERROR = 3;
  static final int RESIZE = 4;

  private final StreamOptions options;
  private final ChannelProtocol protocol;
  private final RemoteCommand command;
  private final Executor blocking;
  private ChannelStreamIO io;
  private StdinPipe stdin;
  private ResizeDecoder resize;
  private CompletableFuture<Integer> run;

  public WsRemoteCommandSession(
      StreamOptions options, ChannelProtocol protocol, RemoteCommand command, Executor blocking) {
    this.options = options;
    this.protocol = protocol;
    this.command = command;
    this.blocking = blocking;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    stdin =
        options.stdin()
            ? new StdinPipe(
                () -> channel.config().setAutoRead(false), () -> channel.config().setAutoRead(true))
            : null;
    io =
        new ChannelStreamIO(
            options.tty(),
            stdin,
            options.stdout() ? output(channel, STDOUT) : null,
            options.stderr() ? output(channel, STDERR) : null);
    resize = options.tty() ? new ResizeDecoder(io::resized) : null;
    int connected = options.stdout() ? STDOUT : options.stderr() ? STDERR : ERROR;
    channel.writeAndFlush(new ChannelMessage(connected, Unpooled.EMPTY_BUFFER));
    run = command.run(io, blocking);
    run.whenCompleteAsync((code, error) -> finish(ctx, code, error), ctx.executor());
  }

  private static ChannelOutputStream output(Channel channel, int number) {
    return new ChannelOutputStream(channel, payload -> new ChannelMessage(number, payload), null);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ChannelMessage message)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (message.channel() == STDIN && stdin != null) {
        stdin.offer(message.content());
      } else if (message.channel() == RESIZE && resize != null) {
        if (!resize.feed(message.content())) {
          log.debug("ignoring a malformed resize stream");
        }
      } else if (message.channel() == ChannelMessage.CLOSE_SIGNAL && protocol.closeSignal()) {
        closeSignal(message);
      } else {
        log.debug("ignoring a message for channel {}", message.channel());
      }
    } finally {
      message.release();
    }
  }

  private void closeSignal(ChannelMessage message) {
    if (message.content().isReadable()
        && message.content().getUnsignedByte(message.content().readerIndex()) == STDIN
        && stdin != null) {
      stdin.end();
    }
  }

  private void finish(ChannelHandlerContext ctx, Integer code, Throwable error) {
    if (!ctx.channel().isActive() || ExitStatus.clientGone(error)) {
      return;
    }
    io.closeOutputs();
    int exitCode = ExitStatus.normalize(code);
    byte[] status =
        protocol.statusJson()
            ? ExitStatus.statusJson(exitCode, error)
            : ExitStatus.legacyText(exitCode, error);
    if (status.length > 0) {
      ctx.channel().writeAndFlush(new ChannelMessage(ERROR, Unpooled.wrappedBuffer(status)));
    }
    WebSocketControlHandler.closeNormally(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (io != null) {
      io.abort();
    }
    if (run != null) {
      run.cancel(true);
    }
    ctx.fireChannelInactive();
  }
}
