package dev.vk.kubeletapi.stream;

import dev.vk.kubelet.types.StreamIO;
import dev.vk.kubelet.types.TerminalSize;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link StreamIO} a session hands to exec or attach, over whatever protocol it speaks. */
public final class ChannelStreamIO implements StreamIO {
  private final boolean tty;
  private final StdinPipe stdin;
  private final ChannelOutputStream stdout;
  private final ChannelOutputStream stderr;
  private Consumer<TerminalSize> listener;
  private TerminalSize latest;

  /** Absent streams are null. */
  public ChannelStreamIO(
      boolean tty, StdinPipe stdin, ChannelOutputStream stdout, ChannelOutputStream stderr) {
    this.tty = tty;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
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
    return Optional.ofNullable(stdout);
  }

  @Override
  public Optional<OutputStream> stderr() {
    return Optional.ofNullable(stderr);
  }

  @Override
  public void onResize(Consumer<TerminalSize> listener) {
    TerminalSize replay;
    synchronized (this) {
      this.listener = listener;
      replay = latest;
    }
    if (replay != null) {
      listener.accept(replay);
    }
  }

  /** Delivers a size from the client; kept for a listener that registers later. */
  public void resized(TerminalSize size) {
    Consumer<TerminalSize> target;
    synchronized (this) {
      latest = size;
      target = listener;
    }
    if (target != null) {
      target.accept(size);
    }
  }

  /** Ends the output streams (in order: stdout, then stderr), as the command has finished. */
  public void closeOutputs() {
    if (stdout != null) {
      stdout.close();
    }
    if (stderr != null) {
      stderr.close();
    }
  }

  /** The client went away: stdin ends, outputs refuse further writes. */
  public void abort() {
    if (stdin != null) {
      stdin.abort();
    }
    closeOutputs();
  }
}
