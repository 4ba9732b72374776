package dev.vk.provider.testkit;

import dev.vk.kubelet.types.StreamIO;
import dev.vk.kubelet.types.TerminalSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A client's exec or attach streams, in memory: stdin as given (or none), stdout and stderr
 * collected. A terminal has no stderr, like {@code kubectl exec -t}. Tests may read the output
 * while a provider's worker writes it.
 */
public final class TestStreams implements StreamIO {

  /** The size a terminal reports when the test does not choose one. */
  public static final TerminalSize DEFAULT_TERMINAL = new TerminalSize(100, 30);

  private final boolean tty;
  private final InputStream stdin;
  private final TerminalSize initialSize;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private volatile Consumer<TerminalSize> resize = size -> {};

  private TestStreams(boolean tty, InputStream stdin, TerminalSize initialSize) {
    this.tty = tty;
    this.stdin = stdin;
    this.initialSize = initialSize;
  }

  /** {@code kubectl exec pod -- ...}: output only. */
  public static TestStreams outputOnly() {
    return new TestStreams(false, null, null);
  }

  /** {@code kubectl exec -i pod -- ...}. */
  public static TestStreams withStdin(InputStream stdin) {
    return new TestStreams(false, stdin, null);
  }

  /** {@code kubectl exec -i pod -- ...} with {@code stdin} typed in UTF-8. */
  public static TestStreams withStdin(String stdin) {
    return withStdin(utf8(stdin));
  }

  /** {@code kubectl exec -it pod -- ...} from a terminal of {@code size}. */
  public static TestStreams terminal(InputStream stdin, TerminalSize size) {
    return new TestStreams(true, stdin, size);
  }

  /** {@code kubectl exec -it pod -- ...} typing {@code stdin} into a default-sized terminal. */
  public static TestStreams terminal(String stdin) {
    return terminal(utf8(stdin), DEFAULT_TERMINAL);
  }

  /** {@code kubectl attach -t} without {@code -i}: a default-sized terminal, no stdin. */
  public static TestStreams terminalOutputOnly() {
    return new TestStreams(true, null, DEFAULT_TERMINAL);
  }

  /** What the provider wrote to stdout so far. */
  public String out() {
    return text(stdout);
  }

  /** What the provider wrote to stderr so far. */
  public String err() {
    return text(stderr);
  }

  /** The client's terminal changes size. */
  public void resize(TerminalSize size) {
    resize.accept(size);
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
    return tty ? Optional.empty() : Optional.of(synchronizedStream(stderr));
  }

  @Override
  public void onResize(Consumer<TerminalSize> listener) {
    resize = listener;
    if (initialSize != null) {
      listener.accept(initialSize);
    }
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream buffer) {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  /** Tests read the buffer while a provider's worker writes it. */
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
