package dev.vk.provider.fargate.exec;

import dev.vk.kubelet.types.StreamIO;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command's output, written to the client's streams. With a TTY everything goes to stdout (a
 * terminal shows both; the kubelet API gives a TTY no stderr) untouched. Without one, CR LF from
 * the remote pseudo-terminal becomes LF, and error output goes to stderr or, when the client did
 * not ask for it, nowhere. Once the client has gone, output is dropped. One thread writes.
 */
final class StreamOutput implements DataChannelSession.Output {
  private static final Logger logger = LoggerFactory.getLogger(StreamOutput.class);

  private final boolean tty;
  private final Optional<OutputStream> stdout;
  private final Optional<OutputStream> stderr;
  private final LineEndings stdoutLines = new LineEndings();
  private final LineEndings stderrLines = new LineEndings();
  private boolean clientGone;

  StreamOutput(StreamIO io) {
    this.tty = io.tty();
    this.stdout = io.stdout();
    this.stderr = io.stderr();
  }

  /** Blocks while the client reads slowly. */
  @Override
  public synchronized void stdout(byte[] bytes) {
    write(stdout, tty ? bytes : stdoutLines.filter(bytes));
  }

  /** Blocks while the client reads slowly. */
  @Override
  public synchronized void stderr(byte[] bytes) {
    if (tty) {
      write(stdout, bytes);
    } else {
      write(stderr, stderrLines.filter(bytes));
    }
  }

  /** Writes what the line-end translation still holds; call once the session has ended. */
  synchronized void finish() {
    if (!tty) {
      write(stdout, stdoutLines.finish());
      write(stderr, stderrLines.finish());
    }
  }

  private void write(Optional<OutputStream> stream, byte[] bytes) {
    if (clientGone || stream.isEmpty() || bytes.length == 0) {
      return;
    }
    try {
      stream.get().write(bytes);
      stream.get().flush();
    } catch (IOException e) {
      // The client went away; the kubelet API cancels the exec, which ends the session.
      logger.debug("Exec client stream closed: {}", e.toString());
      clientGone = true;
    }
  }
}
