package dev.vk.provider.mock.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The shell's stdin, read both by line (the interactive shell) and raw ({@code cat}, {@code head}),
 * through one buffer so that neither loses bytes the other buffered. Not thread-safe: only the
 * shell's thread reads. Every method blocks until input arrives or ends.
 */
final class ShellInput {

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;

  ShellInput(InputStream in) {
    this.in = in;
  }

  /** Reads up to {@code into.length} bytes as they arrive; -1 at end of input. */
  int read(byte[] into) throws IOException {
    if (position < limit) {
      int count = Math.min(into.length, limit - position);
      System.arraycopy(buffer, position, into, 0, count);
      position += count;
      return count;
    }
    return in.read(into);
  }

  /** The next line without its {@code \n} (or {@code \r\n}); null at end of input. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any ? decode(line) : null; // a last line without newline still counts
      }
      any = true;
      byte b = buffer[position++];
      if (b == '\n') {
        return decode(line);
      }
      line.write(b);
    }
  }

  private boolean fill() throws IOException {
    int count;
    do {
      count = in.read(buffer);
    } while (count == 0);
    position = 0;
    limit = Math.max(count, 0);
    return count > 0;
  }

  private static String decode(ByteArrayOutputStream line) {
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
