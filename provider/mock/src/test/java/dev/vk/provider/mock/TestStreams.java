package dev.vk.provider.mock;

import dev.vk.kubelet.types.StreamIO;
import dev.vk.kubelet.types.TerminalSize;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/** A client's exec or attach streams, in memory: stdin as given, stdout and stderr collected. */
final class TestStreams implements StreamIO {

  private final InputStream stdin;
  private final boolean tty;
  private final TerminalSize size;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  /**
   * @param stdin null when the client sends no stdin
   * @param size the size the client sent before the command started, or null
   */
  TestStreams(InputStream stdin, boolean tty, TerminalSize size) {
    this.stdin = stdin;
    this.tty = tty;
    this.size = size;
  }

  static TestStreams noInput() {
    return new TestStreams(null, false, null);
  }

  String out() {
    synchronized (stdout) {
      return stdout.toString(StandardCharsets.UTF_8);
    }
  }

  String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  @Override
  public boolean tty() {
    return tty;
  }

  @Override
  public Optional<InputStream> stdin() {
    return Optional.ofNullable(stdin);
  }

  @Override
  public Optional<OutputStream> stdout() {
    return Optional.of(synchronizedStream(stdout));
  }

  @Override
  public Optional<OutputStream> stderr() {
    return tty ? Optional.empty() : Optional.of(stderr);
  }

  @Override
  public void onResize(Consumer<TerminalSize> listener) {
    if (size != null) {
      listener.accept(size);
    }
  }

  /** Tests read stdout while a worker writes it. */
  private static OutputStream synchronizedStream(ByteArrayOutputStream target) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (target) {
          target.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (target) {
          target.write(bytes, offset, length);
        }
      }
    };
  }
}
