package dev.vk.provider.fargate.exec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies what the client sends into a port session, on its own thread (reads block). At the
 * client's end-of-stream the session is told the connection closed. Stops when the forward is over
 * (the kubelet API then ends the input, which ends the blocked read).
 */
final class PortInputPump implements Runnable {
  private static final Logger logger = LoggerFactory.getLogger(PortInputPump.class);

  private final InputStream input;
  private final DataChannelSession session;
  private final Future<?> forward;
  private final Runnable ended;

  /**
   * @param ended runs after the session was told the client's connection closed
   */
  PortInputPump(InputStream input, DataChannelSession session, Future<?> forward, Runnable ended) {
    this.input = input;
    this.session = session;
    this.forward = forward;
    this.ended = ended;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[DataChannelSession.CHUNK];
    try {
      int n;
      while (!forward.isDone() && (n = input.read(buffer)) >= 0) {
        if (n > 0) {
          session.input(Arrays.copyOf(buffer, n));
        }
      }
    } catch (IOException e) {
      logger.debug("Port-forward input ended: {}", e.toString());
    }
    if (!forward.isDone()) {
      session.endOfPortInput();
      ended.run();
    }
  }
}
