package dev.vk.kubeletapi.stream.spdy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdyGoAwayFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdySettingsFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.netty.handler.codec.spdy.DefaultSpdyWindowUpdateFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdySessionStatus;
import io.netty.handler.codec.spdy.SpdyVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpdyControlHandlerTest {
  private final EmbeddedChannel channel = new EmbeddedChannel(new SpdyControlHandler());

  @Test
  @DisplayName("client pings (odd ids) are echoed; even ids are not")
  void pings() {
    channel.writeInbound(new DefaultSpdyPingFrame(7));
    SpdyPingFrame pong = channel.readOutbound();
    assertThat(pong.id()).isEqualTo(7);
    channel.writeInbound(new DefaultSpdyPingFrame(8));
    assertThat(channel.<Object>readOutbound()).isNull();
  }

  @Test
  @DisplayName("SETTINGS and WINDOW_UPDATE are dropped; stream frames pass on")
  void passAndDrop() {
    channel.writeInbound(new DefaultSpdySettingsFrame(), new DefaultSpdyWindowUpdateFrame(1, 1000));
    assertThat(channel.<Object>readInbound()).isNull();
    channel.writeInbound(new DefaultSpdySynStreamFrame(1, 0, (byte) 0));
    assertThat(channel.<Object>readInbound()).isNotNull();
  }

  @Test
  @DisplayName("GOAWAY from the client closes the connection")
  void goAway() {
    channel.writeInbound(new DefaultSpdyGoAwayFrame(0));
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  @DisplayName("undecodable bytes get GOAWAY(PROTOCOL_ERROR) and a close")
  void malformedBytes() {
    EmbeddedChannel wire =
        new EmbeddedChannel(new SpdyFrameCodec(SpdyVersion.SPDY_3_1), new SpdyControlHandler());
    // A control frame with version 2: not SPDY/3.
    wire.writeInbound(
        Unpooled.wrappedBuffer(
            new byte[] {(byte) 0x80, 0x02, 0x00, 0x06, 0x00, 0x00, 0x00, 0x04, 0, 0, 0, 1}));
    EmbeddedChannel decoder = new EmbeddedChannel(new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
    for (Object out = wire.readOutbound(); out != null; out = wire.readOutbound()) {
      decoder.writeInbound(out);
    }
    SpdyGoAwayFrame goAway = decoder.readInbound();
    assertThat(goAway.status()).isEqualTo(SpdySessionStatus.PROTOCOL_ERROR);
    assertThat(wire.isActive()).isFalse();
  }
}
