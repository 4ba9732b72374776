package dev.vk.provider.fargate.exec;

import java.io.ByteArrayOutputStream;

/**
 * Undoes the remote terminal's output translation of LF into CR LF. ECS Exec always runs the
 * command on a pseudo-terminal, so without a TTY on the client side (e.g. {@code kubectl exec pod
 * -- cat file | wc -l}) the CRs are an artifact. A CR at the end of a chunk is held until the next
 * byte shows whether an LF follows. Not thread-safe: one per stream.
 */
final class LineEndings {
  private boolean pendingCr;

  byte[] filter(byte[] chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length + 1);
    for (byte b : chunk) {
      if (pendingCr && b != '\n') {
        out.write('\r');
      }
      pendingCr = b == '\r';
      if (!pendingCr) {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** A CR still held at the end of the stream (it was not part of a CR LF). */
  byte[] finish() {
    boolean held = pendingCr;
    pendingCr = false;
    return held ? new byte[] {'\r'} : new byte[0];
  }
}
