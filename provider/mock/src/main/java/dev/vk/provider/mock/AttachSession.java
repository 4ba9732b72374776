package dev.vk.provider.mock;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.StreamIO;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One {@code kubectl attach}: the main process's output from now on (each new log line) and, as if
 * the process read its stdin and printed it, every byte the client sends, both to stdout. It ends
 * when the container's run ends or its pod is deleted, when stdin (if attached) ends, or when the
 * client goes away. One worker writes to stdout, so the client's slowness never stalls the log
 * timer; another reads stdin.
 */
final class AttachSession implements Flow.Subscriber<LogLine> {

  private static final byte[] END = new byte[0]; // compared by identity

  private final StreamIO io;
  private final BlockingQueue<byte[]> output = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  AttachSession(StreamIO io) {
    this.io = io;
  }

  /**
   * Starts the workers and subscribes to {@code log}, which must follow from the next line. Does
   * not block; the stage completes when the session ends.
   */
  CompletableFuture<Void> start(Flow.Publisher<LogLine> log, Executor workers) {
    workers.execute(this::pump);
    io.stdin().ifPresent(in -> workers.execute(() -> echo(in)));
    log.subscribe(this);
    return ended;
  }

  @Override
  public void onSubscribe(Flow.Subscription granted) {
    subscription = granted;
    if (ended.isDone()) {
      granted.cancel();
    } else {
      granted.request(Long.MAX_VALUE); // a line a second: the queue cannot grow much
    }
  }

  @Override
  public void onNext(LogLine line) {
    output.add(line.content());
  }

  @Override
  public void onError(Throwable failure) {
    output.add(END);
  }

  @Override
  public void onComplete() {
    output.add(END);
  }

  /** Copies stdin to the output queue until it ends; blocks on stdin. */
  private void echo(InputStream in) {
    byte[] buffer = new byte[8192];
    try {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        output.add(Arrays.copyOf(buffer, read));
      }
    } catch (IOException e) {
      // The client went away: same as the end of its input.
    }
    output.add(END);
  }

  /** Writes queued output until the session ends; blocks on the queue and on stdout. */
  private void pump() {
    Optional<OutputStream> stdout = io.stdout();
    try {
      for (byte[] chunk = output.take(); chunk != END; chunk = output.take()) {
        if (stdout.isPresent()) {
          stdout.get().write(chunk);
          stdout.get().flush();
        }
      }
    } catch (IOException e) {
      // The client went away; nothing is left to attach to.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the provider is closing
    } finally {
      ended.complete(null);
      Flow.Subscription current = subscription;
      if (current != null) {
        current.cancel(); // stops the log timer
      }
    }
  }
}
