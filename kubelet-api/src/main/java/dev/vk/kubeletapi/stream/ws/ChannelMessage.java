package dev.vk.kubeletapi.stream.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/** One channel-protocol message: a channel number and its payload (owned, reference counted). */
public final class ChannelMessage extends DefaultByteBufHolder {
  /** v5's half-close signal: payload is the one channel being closed. */
  public static final int CLOSE_SIGNAL = 255;

  private final int channel;

  public ChannelMessage(int channel, ByteBuf payload) {
    super(payload);
    this.channel = channel;
  }

  public int channel() {
    return channel;
  }

  @Override
  public String toString() {
    return "ChannelMessage(" + channel + ", " + content().readableBytes() + " bytes)";
  }
}
