package dev.vk.provider.fargate.exec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the client's stdin into the session on its own thread (reads block until the client
 * types). Ends at end-of-stream, when the client goes away, or when the exec is over (the kubelet
 * API then closes stdin, which ends the blocked read).
 */
final class StdinPump implements Runnable {
  private static final Logger logger = LoggerFactory.getLogger(StdinPump.class);

  private final InputStream stdin;
  private final DataChannelSession session;
  private final boolean tty;
  private final Future<?> exec;

  StdinPump(InputStream stdin, DataChannelSession session, boolean tty, Future<?> exec) {
    this.stdin = stdin;
    this.session = session;
    this.tty = tty;
    this.exec = exec;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[DataChannelSession.CHUNK];
    try {
      int n;
      while (!exec.isDone() && (n = stdin.read(buffer)) >= 0) {
        if (n > 0) {
          session.input(Arrays.copyOf(buffer, n));
        }
      }
      session.endOfInput(tty);
    } catch (IOException e) {
      // Reads fail once the client has gone; the kubelet API cancels the exec then.
      logger.debug("Exec stdin ended: {}", e.toString());
    }
  }
}
