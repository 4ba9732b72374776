package dev.vk.emulator.ecs.exec;

/**
 * The terminal's canonical mode, as the pty ECS Exec allocates applies it to keystrokes: echo, line
 * editing, Enter delivers a line, Ctrl-C interrupts, Ctrl-D on an empty line ends input.
 */
final class LineDiscipline {
  /** Receives what the terminal makes of the keystrokes. */
  interface Sink {
    void echo(String text);

    void line(String line);

    void interrupt();

    void endOfInput();
  }

  private final Sink sink;
  private final StringBuilder line = new StringBuilder();
  private boolean afterCarriageReturn;

  LineDiscipline(Sink sink) {
    this.sink = sink;
  }

  void feed(String keys) {
    for (int i = 0; i < keys.length(); i++) {
      char c = keys.charAt(i);
      boolean skipLineFeed = afterCarriageReturn && c == '\n';
      afterCarriageReturn = c == '\r';
      if (skipLineFeed) {
        continue;
      }
      switch (c) {
        case '\r', '\n' -> {
          sink.echo("\r\n");
          String complete = line.toString();
          line.setLength(0);
          sink.line(complete);
        }
        case 0x7f, '\b' -> {
          if (line.length() > 0) {
            line.setLength(line.length() - 1);
            sink.echo("\b \b");
          }
        }
        case 0x03 -> {
          line.setLength(0);
          sink.echo("^C");
          sink.interrupt();
        }
        case 0x04 -> {
          if (line.length() == 0) {
            sink.endOfInput();
          }
        }
        default -> {
          line.append(c);
          sink.echo(String.valueOf(c));
        }
      }
    }
  }
}
