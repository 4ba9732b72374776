package dev.vk.provider.mock.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A terminal's canonical mode, for sessions with a TTY: the client's terminal is raw, so typed
 * characters are echoed here, backspace edits, Enter ({@code \r} or {@code \n}) completes a line,
 * which the shell then reads ending in {@code \n}, and Ctrl-D on an empty line ends the input.
 * Ctrl-C discards the line being typed (it does not interrupt a running command). Read only from
 * the shell's thread; reads block until a line is complete.
 */
final class TerminalInput extends InputStream {

  private static final int CTRL_C = 0x03;
  private static final int CTRL_D = 0x04;
  private static final int BACKSPACE = 0x08;
  private static final int DELETE = 0x7f;

  private final InputStream raw;
  private final OutputStream echo;
  private final byte[] keys = new byte[4096];
  private int keyPosition;
  private int keyLimit;
  private final ByteArrayOutputStream typing = new ByteArrayOutputStream();
  private byte[] ready = new byte[0];
  private int position;
  private boolean ended;
  private boolean afterReturn; // a \n right after \r is the same Enter

  TerminalInput(InputStream raw, OutputStream echo) {
    this.raw = raw;
    this.echo = echo;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    while (position == ready.length) {
      if (ended) {
        return -1;
      }
      cook();
    }
    int count = Math.min(length, ready.length - position);
    System.arraycopy(ready, position, into, offset, count);
    position += count;
    return count;
  }

  /** Reads keystrokes until a line is complete or the input ends. */
  private void cook() throws IOException {
    int c = nextKey();
    if (c < 0) {
      ended = true;
      deliver(false); // what was typed before the client went away still counts
      return;
    }
    boolean skip = c == '\n' && afterReturn;
    afterReturn = c == '\r';
    if (skip) {
      return;
    }
    switch (c) {
      case '\r', '\n' -> {
        echo("\r\n");
        deliver(true);
      }
      case CTRL_D -> ended = typing.size() == 0;
      case CTRL_C -> {
        echo("^C\r\n");
        typing.reset();
      }
      case BACKSPACE, DELETE -> {
        if (typing.size() > 0) {
          byte[] kept = typing.toByteArray();
          typing.reset();
          typing.write(kept, 0, kept.length - 1);
          echo("\b \b");
        }
      }
      default -> {
        typing.write(c);
        echo.write(c);
        echo.flush();
      }
    }
  }

  /** The next keystroke; reads what the client sent in one go, so pasted text is cheap. */
  private int nextKey() throws IOException {
    if (keyPosition == keyLimit) {
      int count = raw.read(keys);
      if (count < 0) {
        return -1;
      }
      keyPosition = 0;
      keyLimit = count;
      if (count == 0) {
        return nextKey();
      }
    }
    return keys[keyPosition++] & 0xff;
  }

  private void deliver(boolean newline) {
    if (newline) {
      typing.write('\n');
    }
    ready = typing.toByteArray();
    position = 0;
    typing.reset();
  }

  private void echo(String text) throws IOException {
    echo.write(text.getBytes(StandardCharsets.US_ASCII));
    echo.flush();
  }
}
