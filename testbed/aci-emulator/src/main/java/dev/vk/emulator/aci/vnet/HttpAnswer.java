package dev.vk.emulator.aci.vnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Port 80 of a group answers HTTP instead of echoing, so {@code curl http://<pod IP>/} shows the
 * pod network working (the demo's image serves a web page there). One request per connection.
 */
final class HttpAnswer {

  private static final int MAX_HEADER = 16 * 1024;

  private HttpAnswer() {}

  /** Reads the request head and answers 200 with a line naming the address; closes the output. */
  static void serve(Socket socket, String ip) throws IOException {
    InputStream in = socket.getInputStream();
    int matched = 0;
    for (int read = 0; read < MAX_HEADER && matched < 4; read++) {
      int b = in.read();
      if (b < 0) {
        return; // the client left before asking anything
      }
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    byte[] body =
        ("container group " + ip + ":80 (ACI emulator pod network)\n")
            .getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.flush();
    socket.shutdownOutput();
  }
}
