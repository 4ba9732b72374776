package dev.vk.kubeletapi.stream.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChannelFrameCodecTest {
  private static String text(ByteBuf buf) {
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("binary: the first byte is the channel, the rest the payload, both ways")
  void binary() {
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelFrameCodec(false));
    channel.writeInbound(
        new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {0, 'h', 'i'})));
    ChannelMessage in = channel.readInbound();
    assertThat(in.channel()).isZero();
    assertThat(text(in.content())).isEqualTo("hi");
    in.release();
    channel.writeOutbound(
        new ChannelMessage(2, Unpooled.copiedBuffer("err", StandardCharsets.UTF_8)));
    BinaryWebSocketFrame out = channel.readOutbound();
    assertThat(out.content().getByte(0)).isEqualTo((byte) 2);
    assertThat(text(out.content().slice(1, 3))).isEqualTo("err");
    out.release();
  }

  @Test
  @DisplayName("base64: an ASCII digit and base64 text, both ways")
  void base64() {
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelFrameCodec(true));
    channel.writeInbound(new TextWebSocketFrame("0aGVsbG8="));
    ChannelMessage in = channel.readInbound();
    assertThat(in.channel()).isZero();
    assertThat(text(in.content())).isEqualTo("hello");
    in.release();
    channel.writeOutbound(
        new ChannelMessage(1, Unpooled.copiedBuffer("hello", StandardCharsets.UTF_8)));
    TextWebSocketFrame out = channel.readOutbound();
    assertThat(out.text()).isEqualTo("1aGVsbG8=");
    out.release();
  }

  @Test
  @DisplayName("empty frames carry nothing and are dropped")
  void empty() {
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelFrameCodec(false));
    channel.writeInbound(new BinaryWebSocketFrame(Unpooled.EMPTY_BUFFER));
    assertThat(channel.<Object>readInbound()).isNull();
  }

  @Test
  @DisplayName("a bad channel character in base64 mode is dropped")
  void badChannelCharacter() {
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelFrameCodec(true));
    channel.writeInbound(new TextWebSocketFrame("!aGk="));
    assertThat(channel.<Object>readInbound()).isNull();
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  @DisplayName("an undecodable base64 payload closes with 1007 rather than corrupt stdin")
  void badBase64() {
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelFrameCodec(true));
    channel.writeInbound(new TextWebSocketFrame("0***"));
    assertThat(channel.<Object>readInbound()).isNull();
    CloseWebSocketFrame close = channel.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1007);
    close.release();
    assertThat(channel.isActive()).isFalse();
  }
}
