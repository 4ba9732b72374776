package dev.vk.provider.aci;

import dev.vk.kubelet.types.StreamIO;
import dev.vk.kubelet.types.TerminalSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/** A client's streams for exec and attach tests: fixed stdin (or none), stdout captured. */
final class TestStreams implements StreamIO {

  private final byte[] stdin;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  TestStreams(String stdin) {
    this.stdin = stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code kubectl attach} without {@code -i}. */
  static TestStreams outputOnly() {
    return new TestStreams(null);
  }

  synchronized String output() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  @Override
  public boolean tty() {
    return true;
  }

  @Override
  public Optional<InputStream> stdin() {
    return Optional.ofNullable(stdin).map(ByteArrayInputStream::new);
  }

  @Override
  public Optional<OutputStream> stdout() {
    return Optional.of(
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (TestStreams.this) {
              stdout.write(b);
            }
          }
        });
  }

  @Override
  public Optional<OutputStream> stderr() {
    return Optional.empty();
  }

  @Override
  public void onResize(Consumer<TerminalSize> listener) {
    listener.accept(new TerminalSize(100, 30));
  }
}
