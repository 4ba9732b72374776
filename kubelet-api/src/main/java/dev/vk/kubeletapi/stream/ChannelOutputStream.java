package dev.vk.kubeletapi.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A blocking {@link OutputStream} whose bytes become frames on a channel (SPDY data frames or
 * WebSocket channel messages). Every write is flushed at once: interactive output must not wait in
 * a buffer. While the socket is congested, writers from outside the event loop wait for their write
 * to leave; nothing here counts SPDY windows, so a peer that never sends WINDOW_UPDATE (Go's
 * spdystream) never stalls it.
 */
public final class ChannelOutputStream extends OutputStream {
  /** Largest payload per frame; bigger writes are split. */
  static final int MAX_FRAME = 32 * 1024;

  private final Channel channel;
  private final Function<ByteBuf, Object> frame;
  private final Supplier<Object> endFrame;
  private boolean closed;

  /**
   * @param frame wraps a payload into the frame to write
   * @param endFrame the frame that ends the stream (a SPDY FIN), or null when there is none
   */
  public ChannelOutputStream(
      Channel channel, Function<ByteBuf, Object> frame, Supplier<Object> endFrame) {
    this.channel = channel;
    this.frame = frame;
    this.endFrame = endFrame;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (!channel.isActive()) {
      throw new IOException("client went away");
    }
    for (int start = off; start < off + len; start += MAX_FRAME) {
      int n = Math.min(MAX_FRAME, off + len - start);
      ChannelFuture written =
          channel.writeAndFlush(frame.apply(Unpooled.copiedBuffer(b, start, n)));
      awaitIfCongested(written);
    }
  }

  /** Writes an empty frame, which some protocols use as a signal. */
  public synchronized void writeEmpty() {
    if (!closed) {
      channel.writeAndFlush(frame.apply(Unpooled.EMPTY_BUFFER));
    }
  }

  private void awaitIfCongested(ChannelFuture written) throws IOException {
    if (channel.isWritable() || channel.eventLoop().inEventLoop()) {
      return;
    }
    try {
      written.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the client was slow to read", e);
    }
    if (!written.isSuccess()) {
      throw new IOException("client went away", written.cause());
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (endFrame != null && channel.isActive()) {
      channel.writeAndFlush(endFrame.get());
    }
  }

  public synchronized boolean isClosed() {
    return closed;
  }
}
