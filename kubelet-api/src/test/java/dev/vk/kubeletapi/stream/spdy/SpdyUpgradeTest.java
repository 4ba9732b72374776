package dev.vk.kubeletapi.stream.spdy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.http.HttpPipeline;
import dev.vk.kubeletapi.testing.TestingExec;
import dev.vk.kubeletapi.testing.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.netty.handler.codec.spdy.SpdyWindowUpdateFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The upgrade on the wire: HTTP in, 101, then real SPDY/3.1 frames through Netty's codec. */
class SpdyUpgradeTest {
  private final TestingExec exec = new TestingExec();
  private final EmbeddedChannel server =
      Wire.streamingServer(exec, "/exec/{namespace}/{pod}/{uid}/{container}");

  /** A client-side SPDY codec: encodes what the client sends, decodes what the server sends. */
  private final EmbeddedChannel client =
      new EmbeddedChannel(new SpdyFrameCodec(SpdyVersion.SPDY_3_1));

  private String upgrade(String uri, String... protocols) {
    StringBuilder offered = new StringBuilder();
    for (String p : protocols) {
      offered.append("\r\nX-Stream-Protocol-Version: ").append(p);
    }
    server.writeInbound(
        Wire.request(
            "POST " + uri + " HTTP/1.1",
            "Host: node",
            "Connection: Upgrade",
            "Upgrade: SPDY/3.1" + offered));
    ByteBuf out = Wire.drain(server);
    String head = Wire.takeHead(out);
    if (head.startsWith("HTTP/1.1 101")) {
      client.writeInbound(out);
    } else {
      out.release();
    }
    return head;
  }

  private void clientSends(Object... frames) {
    client.writeOutbound(frames);
    server.writeInbound(Wire.drain(client));
  }

  private <T> T serverSent(Class<T> type) {
    client.writeInbound(Wire.drain(server));
    Object msg = client.readInbound();
    assertThat(msg).isInstanceOf(type);
    return type.cast(msg);
  }

  @Test
  @DisplayName(
      "101 names the first client protocol the server supports (v4, not v5) and swaps codecs")
  void negotiates() {
    String head =
        upgrade(
            "/exec/ns/p/uid-1/c?command=ls&output=1",
            "v5.channel.k8s.io,v4.channel.k8s.io",
            "v3.channel.k8s.io");
    assertThat(head)
        .startsWith("HTTP/1.1 101")
        .containsIgnoringCase("upgrade: SPDY/3.1")
        .containsIgnoringCase("connection: upgrade")
        .contains("X-Stream-Protocol-Version: v4.channel.k8s.io");
    assertThat(server.pipeline().get(HttpPipeline.CODEC)).isNull();
    assertThat(server.pipeline().get(SpdyFrameCodec.class)).isNotNull();
    assertThat(server.pipeline().get(HttpPipeline.DISPATCHER)).isNull();
  }

  @Test
  @DisplayName("no common protocol: 403 listing the accepted versions")
  void noCommonProtocol() {
    String head = upgrade("/exec/ns/p/uid-1/c?command=ls&output=1", "v9.channel.k8s.io");
    assertThat(head)
        .startsWith("HTTP/1.1 403")
        .contains("X-Accepted-Stream-Protocol-Versions: v4.channel.k8s.io");
  }

  @Test
  @DisplayName("no protocol header at all: 400")
  void missingProtocolHeader() {
    assertThat(upgrade("/exec/ns/p/uid-1/c?command=ls&output=1")).startsWith("HTTP/1.1 400");
  }

  @Test
  @DisplayName(
      "exec end to end over compressed SPDY headers: replies, ping echo, 1 MB of stdout, status")
  void endToEnd() throws IOException {
    upgrade("/exec/ns/p/uid-1/c?command=yes&output=1", "v4.channel.k8s.io");
    clientSends(
        SpdyRemoteCommandSessionTest.syn(1, "error"),
        SpdyRemoteCommandSessionTest.syn(3, "stdout"));
    SpdySynReplyFrame errorReply = serverSent(SpdySynReplyFrame.class);
    assertThat(errorReply.streamId()).isEqualTo(1);
    // Go's framer rejects a reply whose header block is empty; Netty sends one for no headers.
    assertThat(errorReply.headers().getAsString("streamtype")).isEqualTo("error");
    assertThat(client.<SpdySynReplyFrame>readInbound().streamId()).isEqualTo(3);
    assertThat(exec.container.pod().uid()).isEqualTo("uid-1");
    clientSends(new DefaultSpdyPingFrame(1));
    assertThat(serverSent(SpdyPingFrame.class).id()).isEqualTo(1);

    byte[] chunk = new byte[32 * 1024];
    for (int i = 0; i < 32; i++) {
      exec.io.stdout().orElseThrow().write(chunk);
    }
    exec.exit.complete(0);
    client.writeInbound(Wire.drain(server));
    long stdout = 0;
    String status = null;
    boolean stdoutEnded = false;
    for (Object msg = client.readInbound(); msg != null; msg = client.readInbound()) {
      assertThat(msg).isNotInstanceOf(SpdyWindowUpdateFrame.class);
      SpdyDataFrame data = (SpdyDataFrame) msg;
      if (data.streamId() == 3) {
        stdout += data.content().readableBytes();
        stdoutEnded |= data.isLast();
      } else {
        assertThat(stdoutEnded).as("stdout ends before the status").isTrue();
        status = data.content().toString(StandardCharsets.UTF_8);
        assertThat(data.isLast()).isTrue();
      }
      data.release();
    }
    assertThat(stdout).isEqualTo(32L * 32 * 1024);
    assertThat(status).isEqualTo("{\"metadata\":{},\"status\":\"Success\"}");
  }

  @Test
  @DisplayName("port-forward negotiates portforward.k8s.io")
  void portForward() {
    assertThat(upgrade("/portForward/ns/p", "portforward.k8s.io"))
        .startsWith("HTTP/1.1 101")
        .contains("X-Stream-Protocol-Version: portforward.k8s.io");
  }
}
