package dev.vk.kubeletapi.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyVersion;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * A SPDY/3.1 port-forward client on a blocking socket; Netty's codec (in an embedded channel)
 * encodes and decodes the frames. Streams {@code 4i+1} (error) and {@code 4i+3} (data) form pair i.
 */
public final class SpdyWire {
  private final SSLSocket socket;
  private final EmbeddedChannel codec =
      new EmbeddedChannel(new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
  private int replies;
  private int resets;
  private final List<String> errors = new ArrayList<>();

  private SpdyWire(SSLSocket socket) {
    this.socket = socket;
  }

  /** Upgrades {@code socket} to a port-forward session; fails unless the server says 101. */
  public static SpdyWire portForward(SSLSocket socket, String path, String token)
      throws IOException {
    String upgrade =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: vk\r\nAuthorization: Bearer "
            + token
            + "\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
            + "X-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n";
    socket.getOutputStream().write(upgrade.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    RawTls.Response response = RawTls.read(socket.getInputStream());
    if (response == null || response.code() != 101) {
      throw new IOException("no upgrade: " + response);
    }
    return new SpdyWire(socket);
  }

  /** Opens pair {@code i}: its error then its data stream. */
  public void openPair(int i, int port) throws IOException {
    for (String type : new String[] {"error", "data"}) {
      SpdySynStreamFrame syn =
          new DefaultSpdySynStreamFrame(4 * i + (type.equals("error") ? 1 : 3), 0, (byte) 0);
      syn.headers().add("streamtype", type).add("port", "" + port).add("requestid", "" + i);
      codec.writeOutbound(syn);
    }
    flushOut();
  }

  /** Reads what arrives within a short wait; true if anything did. */
  public boolean poll() throws IOException {
    byte[] buffer = new byte[16384];
    socket.setSoTimeout(50);
    int n;
    try {
      n = socket.getInputStream().read(buffer);
    } catch (SocketTimeoutException e) {
      return false;
    }
    if (n <= 0) {
      return false;
    }
    codec.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
    for (Object frame = codec.readInbound(); frame != null; frame = codec.readInbound()) {
      if (frame instanceof SpdySynReplyFrame) {
        replies++;
      } else if (frame instanceof SpdyRstStreamFrame) {
        resets++;
      } else if (frame instanceof SpdyDataFrame data) {
        if (data.streamId() % 4 == 1 && data.content().isReadable()) {
          errors.add(data.content().toString(StandardCharsets.UTF_8));
        }
        data.release();
      }
    }
    return true;
  }

  /** Polls until every stream of {@code pairs} pairs was answered (reply or reset). */
  public void readUntilAnswered(int pairs) throws IOException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (replies + resets < 2 * pairs && System.nanoTime() < deadline) {
      poll();
    }
  }

  public int repliedPairs() {
    return replies / 2;
  }

  public int refusedStreams() {
    return resets;
  }

  /** Messages received on error streams so far. */
  public List<String> errors() {
    return errors;
  }

  private void flushOut() throws IOException {
    for (Object out = codec.readOutbound(); out != null; out = codec.readOutbound()) {
      ByteBuf bytes = (ByteBuf) out;
      byte[] array = new byte[bytes.readableBytes()];
      bytes.readBytes(array);
      bytes.release();
      socket.getOutputStream().write(array);
    }
    socket.getOutputStream().flush();
  }
}
