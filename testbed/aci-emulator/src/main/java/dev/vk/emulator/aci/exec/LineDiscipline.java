package dev.vk.emulator.aci.exec;

/**
 * A TTY's canonical mode, which ACI's exec gives every session: typed characters are echoed,
 * backspace edits, Enter completes a line, Ctrl-C interrupts and Ctrl-D on an empty line ends the
 * input.
 */
final class LineDiscipline {

  /** Receives what the line discipline makes of the keystrokes. */
  interface Listener {
    /** A completed line, without its terminator. */
    void line(String line);

    /** Ctrl-C. */
    void interrupt();

    /** Ctrl-D on an empty line. */
    void endOfInput();
  }

  private static final char CTRL_C = 0x03;
  private static final char CTRL_D = 0x04;
  private static final char BACKSPACE = 0x08;
  private static final char DELETE = 0x7f;

  private final Tty tty;
  private final Listener listener;
  private final StringBuilder buffer = new StringBuilder();
  private boolean lastWasCarriageReturn;

  LineDiscipline(Tty tty, Listener listener) {
    this.tty = tty;
    this.listener = listener;
  }

  /** Feeds keystrokes as they arrive from the client. */
  void input(CharSequence chars) {
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      boolean newlineAfterReturn = c == '\n' && lastWasCarriageReturn;
      lastWasCarriageReturn = c == '\r';
      if (newlineAfterReturn) {
        continue;
      }
      switch (c) {
        case '\r', '\n' -> {
          tty.print("\r\n");
          String line = buffer.toString();
          buffer.setLength(0);
          listener.line(line);
        }
        case CTRL_C -> {
          tty.print("^C\r\n");
          buffer.setLength(0);
          listener.interrupt();
        }
        case CTRL_D -> {
          if (buffer.length() == 0) {
            listener.endOfInput();
          }
        }
        case BACKSPACE, DELETE -> {
          if (buffer.length() > 0) {
            buffer.setLength(buffer.length() - 1);
            tty.print("\b \b");
          }
        }
        default -> {
          buffer.append(c);
          tty.print(String.valueOf(c));
        }
      }
    }
  }
}
