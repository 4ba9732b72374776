package dev.vk.provider.fargate.exec;

/**
 * What to type to end input on the remote terminal. In canonical mode Ctrl-D (EOT) on an empty line
 * makes the reader see end-of-file; after a partial line the first one only hands the line over, so
 * a second is needed. Tracks whether the input sent so far ends mid-line.
 */
final class InputEnd {
  private static final byte EOT = 0x04;
  private boolean midLine;

  /** Records input sent to the terminal. */
  void sent(byte[] chunk) {
    if (chunk.length > 0) {
      byte last = chunk[chunk.length - 1];
      midLine = last != '\n' && last != '\r';
    }
  }

  /** The keystrokes that end input now. */
  byte[] endOfTransmission() {
    byte[] keys = midLine ? new byte[] {EOT, EOT} : new byte[] {EOT};
    midLine = false;
    return keys;
  }
}
