package dev.vk.provider.fargate.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the port sends back, written to the forwarded connection untouched. Error payloads are not
 * connection bytes: they are logged. Once the client has gone, bytes are dropped. One thread
 * writes; {@link #close} may come from another.
 */
final class PortOutput implements DataChannelSession.Output {
  private static final Logger logger = LoggerFactory.getLogger(PortOutput.class);

  private final OutputStream out;
  private final StringBuilder errors = new StringBuilder();
  private boolean gone;

  PortOutput(OutputStream out) {
    this.out = out;
  }

  /** Blocks while the client reads slowly (backpressure on the data channel). */
  @Override
  public synchronized void stdout(byte[] bytes) {
    if (gone || bytes.length == 0) {
      return;
    }
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // The client went away; the kubelet API cancels the forward, which ends the session.
      logger.debug("Port-forward client stream closed: {}", e.toString());
      gone = true;
    }
  }

  /** Error text (the agent's, or why the service closed the channel): kept for the failure. */
  @Override
  public synchronized void stderr(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    logger.debug("Port session error output: {}", text);
    if (!text.isEmpty()) {
      errors.append(errors.length() == 0 ? "" : "; ").append(text);
    }
  }

  /** The error text received so far; empty when none. */
  synchronized String errors() {
    return errors.toString();
  }

  /** Ends the client's connection (its read sees end-of-stream). Idempotent. */
  synchronized void close() {
    if (gone) {
      return;
    }
    gone = true;
    try {
      out.close();
    } catch (IOException e) {
      logger.debug("Closing the port-forward stream: {}", e.toString());
    }
  }
}
