package dev.vk.kubeletapi.stream.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.http.HttpPipeline;
import dev.vk.kubeletapi.testing.TestingExec;
import dev.vk.kubeletapi.testing.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebSocketUpgradeTest {
  private final TestingExec exec = new TestingExec();
  private final EmbeddedChannel server =
      Wire.streamingServer(exec, "/exec/{namespace}/{pod}/{container}");

  /** Decodes what the server sends, encodes (masked) what the client sends. */
  private final EmbeddedChannel client =
      new EmbeddedChannel(
          new WebSocket13FrameDecoder(false, false, 1 << 20), new WebSocket13FrameEncoder(true));

  private String upgrade(String method, String uri, String protocols) {
    String protocolHeader =
        protocols == null ? "X-None: 1" : "Sec-WebSocket-Protocol: " + protocols;
    server.writeInbound(
        Wire.request(
            method + " " + uri + " HTTP/1.1",
            "Host: node",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13",
            protocolHeader));
    ByteBuf out = Wire.drain(server);
    String head = Wire.takeHead(out);
    if (head.startsWith("HTTP/1.1 101")) {
      client.writeInbound(out);
    } else {
      out.release();
    }
    return head;
  }

  private void clientSends(WebSocketFrame frame) {
    client.writeOutbound(frame);
    server.writeInbound(Wire.drain(client));
  }

  private WebSocketFrame serverSent() {
    client.writeInbound(Wire.drain(server));
    return client.readInbound();
  }

  @Test
  @DisplayName(
      "the handshake picks the client's first supported subprotocol and leaves HTTP behind")
  void handshake() {
    String head =
        upgrade(
            "GET",
            "/exec/ns/p/c?command=cat&input=1&output=1",
            "v5.channel.k8s.io, v4.channel.k8s.io");
    assertThat(head)
        .startsWith("HTTP/1.1 101")
        .containsIgnoringCase("sec-websocket-protocol: v5.channel.k8s.io");
    assertThat(server.pipeline().get(HttpPipeline.DISPATCHER)).isNull();
    assertThat(server.pipeline().get(HttpPipeline.CODEC)).isNull();
    IdleStateHandler idle = (IdleStateHandler) server.pipeline().get(HttpPipeline.IDLE);
    assertThat(idle.getAllIdleTimeInMillis()).isEqualTo(TimeUnit.HOURS.toMillis(4));
    assertThat(exec.command).containsExactly("cat");
  }

  @Test
  @DisplayName("frames flow: stdin in, stdout out, status and close at the end")
  void roundTrip() throws Exception {
    upgrade("GET", "/exec/ns/p/c?command=cat&input=1&output=1", "v4.channel.k8s.io");
    BinaryWebSocketFrame connected = (BinaryWebSocketFrame) serverSent();
    assertThat(connected.content().readableBytes()).isEqualTo(1);
    connected.release();
    clientSends(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {0, 'h', 'i'})));
    byte[] in = new byte[2];
    assertThat(exec.io.stdin().orElseThrow().read(in)).isEqualTo(2);
    exec.io.stdout().orElseThrow().write(in);
    BinaryWebSocketFrame out = (BinaryWebSocketFrame) serverSent();
    assertThat(out.content().toString(StandardCharsets.UTF_8)).isEqualTo("\u0001hi");
    out.release();
    exec.exit.complete(0);
    BinaryWebSocketFrame status = (BinaryWebSocketFrame) serverSent();
    assertThat(status.content().toString(StandardCharsets.UTF_8))
        .isEqualTo("\u0003{\"metadata\":{},\"status\":\"Success\"}");
    status.release();
    assertThat(client.<Object>readInbound()).isInstanceOf(CloseWebSocketFrame.class);
  }

  @Test
  @DisplayName("base64 variant: digit and base64 text")
  void base64() {
    upgrade("GET", "/exec/ns/p/c?command=cat&output=1", "v4.base64.channel.k8s.io");
    TextWebSocketFrame connected = (TextWebSocketFrame) serverSent();
    assertThat(connected.text()).isEqualTo("1");
    connected.release();
  }

  @Test
  @DisplayName("pings are answered")
  void ping() {
    upgrade("GET", "/exec/ns/p/c?command=cat&output=1", "v4.channel.k8s.io");
    serverSent().release();
    clientSends(
        new io.netty.handler.codec.http.websocketx.PingWebSocketFrame(
            Unpooled.copiedBuffer("p", StandardCharsets.UTF_8)));
    WebSocketFrame pong = serverSent();
    assertThat(pong).isInstanceOf(io.netty.handler.codec.http.websocketx.PongWebSocketFrame.class);
    pong.release();
  }

  @Test
  @DisplayName("only unknown subprotocols: 400, so that clients can fall back to SPDY")
  void unknownProtocol() {
    String head = upgrade("GET", "/exec/ns/p/c?command=cat&output=1", "v9.channel.k8s.io");
    assertThat(head).startsWith("HTTP/1.1 400");
    assertThat(exec.started()).isFalse();
  }

  @Test
  @DisplayName("a WebSocket upgrade must be a GET")
  void post() {
    assertThat(upgrade("POST", "/exec/ns/p/c?command=cat&output=1", "v4.channel.k8s.io"))
        .startsWith("HTTP/1.1 400");
  }

  @Test
  @DisplayName("no upgrade at all is a 400 with a Status body")
  void noUpgrade() {
    server.writeInbound(
        Wire.request("POST /exec/ns/p/c?command=cat&output=1 HTTP/1.1", "Host: node"));
    ByteBuf out = Wire.drain(server);
    String head = Wire.takeHead(out);
    assertThat(head).startsWith("HTTP/1.1 400");
    assertThat(Wire.takeBody(out, head))
        .contains("\"reason\":\"BadRequest\"", "missing upgrade headers");
  }

  @Test
  @DisplayName("old-style port-forward needs ?port=")
  void portForwardNeedsPorts() {
    assertThat(upgrade("GET", "/portForward/ns/p", "v4.channel.k8s.io")).startsWith("HTTP/1.1 400");
    assertThat(upgrade("GET", "/portForward/ns/p?port=80,x", "v4.channel.k8s.io"))
        .startsWith("HTTP/1.1 400");
  }

  @Test
  @DisplayName("old-style port-forward with more ports than the per-connection cap is a 400")
  void portForwardPortCap() {
    String ports = String.join(",", Collections.nCopies(65, "80"));
    server.writeInbound(
        Wire.request(
            "GET /portForward/ns/p?port=" + ports + " HTTP/1.1",
            "Host: node",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Protocol: v4.channel.k8s.io"));
    ByteBuf out = Wire.drain(server);
    String head = Wire.takeHead(out);
    assertThat(head).startsWith("HTTP/1.1 400");
    assertThat(Wire.takeBody(out, head)).contains("too many ports: 65, at most 64 per connection");
  }

  @Test
  @DisplayName("old-style port-forward with no subprotocol speaks binary v4")
  void portForwardDefaultProtocol() {
    String head = upgrade("GET", "/portForward/ns/p?port=8080", null);
    assertThat(head).startsWith("HTTP/1.1 101");
    BinaryWebSocketFrame data = (BinaryWebSocketFrame) serverSent();
    assertThat(data.content().readableBytes()).isEqualTo(3);
    data.release();
  }
}
