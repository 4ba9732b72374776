package dev.vk.provider.mock.shell;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A terminal's output processing (ONLCR): each {@code \n} is sent as {@code \r\n}, as a real pty
 * does, so that lines start at the left margin of a raw-mode client terminal. Runs without a
 * newline are written in one call, so large binary output costs nothing extra.
 */
final class TerminalOutput extends FilterOutputStream {

  private static final byte[] CRLF = {'\r', '\n'};

  TerminalOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    if (b == '\n') {
      out.write(CRLF);
    } else {
      out.write(b);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        out.write(bytes, start, i - start);
        out.write(CRLF);
        start = i + 1;
      }
    }
    out.write(bytes, start, offset + length - start);
  }
}
