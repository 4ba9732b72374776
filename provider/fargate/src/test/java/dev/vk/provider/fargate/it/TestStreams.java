package dev.vk.provider.fargate.it;

import dev.vk.kubelet.types.StreamIO;
import dev.vk.kubelet.types.TerminalSize;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/** A client's streams as the kubelet API hands them to a provider, in memory. */
final class TestStreams implements StreamIO {
  private final boolean tty;
  private final InputStream stdin;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final TerminalSize initialSize;
  private volatile Consumer<TerminalSize> resize = size -> {};

  private TestStreams(boolean tty, InputStream stdin, TerminalSize initialSize) {
    this.tty = tty;
    this.stdin = stdin;
    this.initialSize = initialSize;
  }

  /** {@code kubectl exec pod -- ...}: output only. */
  static TestStreams outputOnly() {
    return new TestStreams(false, null, null);
  }

  /** {@code kubectl exec -i pod -- ...}. */
  static TestStreams withStdin(InputStream stdin) {
    return new TestStreams(false, stdin, null);
  }

  /** {@code kubectl exec -it pod -- ...} from a terminal of {@code size}. */
  static TestStreams terminal(InputStream stdin, TerminalSize size) {
    return new TestStreams(true, stdin, size);
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
    return Optional.of(stdout);
  }

  @Override
  public Optional<OutputStream> stderr() {
    return tty ? Optional.empty() : Optional.of(stderr);
  }

  @Override
  public void onResize(Consumer<TerminalSize> listener) {
    resize = listener;
    if (initialSize != null) {
      listener.accept(initialSize);
    }
  }

  /** The client's terminal changes size. */
  void resize(TerminalSize size) {
    resize.accept(size);
  }

  String stdoutText() {
    synchronized (stdout) {
      return stdout.toString(StandardCharsets.UTF_8);
    }
  }
}
