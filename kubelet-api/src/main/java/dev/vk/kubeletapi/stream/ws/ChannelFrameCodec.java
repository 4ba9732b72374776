package dev.vk.kubeletapi.stream.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns data frames into {@link ChannelMessage}s and back. Empty frames carry nothing and are
 * dropped. A base64 frame that does not decode closes the connection with 1007 (invalid payload):
 * dropping it would silently corrupt stdin.
 */
public final class ChannelFrameCodec extends MessageToMessageCodec<WebSocketFrame, ChannelMessage> {
  private static final Logger log = LoggerFactory.getLogger(ChannelFrameCodec.class);

  private final boolean base64;

  public ChannelFrameCodec(boolean base64) {
    this.base64 = base64;
  }

  @Override
  public boolean acceptInboundMessage(Object msg) {
    return msg instanceof BinaryWebSocketFrame || msg instanceof TextWebSocketFrame;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
    ByteBuf content = frame.content();
    if (!content.isReadable()) {
      return;
    }
    if (!base64) {
      int channel = content.getUnsignedByte(content.readerIndex());
      out.add(
          new ChannelMessage(
              channel,
              content.retainedSlice(content.readerIndex() + 1, content.readableBytes() - 1)));
      return;
    }
    String text = content.toString(StandardCharsets.US_ASCII);
    int channel = text.charAt(0) - '0';
    if (channel < 0) {
      log.debug("dropping a base64 frame for channel character {}", text.charAt(0));
      return;
    }
    try {
      out.add(
          new ChannelMessage(
              channel, Unpooled.wrappedBuffer(Base64.getDecoder().decode(text.substring(1)))));
    } catch (IllegalArgumentException e) {
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_PAYLOAD_DATA))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ChannelMessage msg, List<Object> out) {
    ByteBuf payload = msg.content();
    if (!base64) {
      ByteBuf prefix = ctx.alloc().buffer(1).writeByte(msg.channel());
      out.add(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(prefix, payload.retain())));
      return;
    }
    byte[] bytes = new byte[payload.readableBytes()];
    payload.getBytes(payload.readerIndex(), bytes);
    out.add(
        new TextWebSocketFrame(
            (char) ('0' + msg.channel()) + Base64.getEncoder().encodeToString(bytes)));
  }
}
