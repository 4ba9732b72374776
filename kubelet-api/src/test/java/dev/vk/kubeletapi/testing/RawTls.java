package dev.vk.kubeletapi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTP/1.1 over plain TLS sockets, byte by byte, for tests that must control exactly what goes on
 * the wire (pipelining, slow senders, a chosen source address). Trusts any server certificate.
 */
public final class RawTls {
  /** Where attackers connect from. */
  public static final InetAddress ATTACKER = address(127, 0, 0, 1);

  /** Where the well-behaved client connects from (Linux routes all of 127/8 to loopback). */
  public static final InetAddress VALID_CLIENT = address(127, 0, 0, 2);

  /** A parsed response. Header names are lower case. */
  public record Response(int code, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  private final int port;
  private final SSLContext context;

  public RawTls(int port) throws Exception {
    this.port = port;
    this.context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustAnything()}, null);
  }

  /** A handshaken connection to the server on 127.0.0.1 from {@code from}. */
  public SSLSocket connect(InetAddress from) throws IOException {
    SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(address(127, 0, 0, 1), port, from, 0);
    socket.setSoTimeout(30_000);
    socket.startHandshake();
    return socket;
  }

  /** One request on a new connection. */
  public Response get(InetAddress from, String path, String token) throws IOException {
    try (SSLSocket socket = connect(from)) {
      socket
          .getOutputStream()
          .write(request(path, token, false).getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  public static String request(String path, String token, boolean keepAlive) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: vk\r\nAuthorization: Bearer "
        + token
        + (keepAlive ? "" : "\r\nConnection: close")
        + "\r\n\r\n";
  }

  /** The next response, or null when the connection ended first. Bodies need Content-Length. */
  public static Response read(InputStream in) throws IOException {
    String status = line(in);
    if (status == null) {
      return null;
    }
    Map<String, String> headers = new HashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return new Response(Integer.parseInt(status.split(" ")[1]), headers, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    try {
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          String text = line.toString(StandardCharsets.US_ASCII);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        line.write(b);
      }
    } catch (javax.net.ssl.SSLException | java.net.SocketException e) {
      // The server closed the connection mid-stream: the same as an end.
    }
    return null;
  }

  /**
   * A minimal TLS ClientHello offering only {@code version} (0x0302 is TLS 1.1) with two CBC
   * ciphers, built by hand because the JDK client refuses to offer old versions.
   */
  public static byte[] clientHello(int version) {
    ByteBuffer body = ByteBuffer.allocate(43);
    body.putShort((short) version);
    body.put(new byte[32]); // client random
    body.put((byte) 0); // no session id
    body.putShort((short) 4).putShort((short) 0xc013).putShort((short) 0x002f);
    body.put((byte) 1).put((byte) 0); // null compression
    ByteBuffer record = ByteBuffer.allocate(5 + 4 + 43);
    record.put((byte) 22).putShort((short) 0x0301).putShort((short) (4 + 43));
    record.put((byte) 1).put((byte) 0).putShort((short) 43);
    record.put(body.array());
    return record.array();
  }

  private static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tests only: the server's certificate is generated at start, so nothing could pin it. */
  public static final class TrustAnything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
