package dev.vk.provider.fargate.logs;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.StreamIO;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * {@code kubectl attach} on Fargate: what the main process writes from now on, read from its
 * awslogs stream as CloudWatch receives it (stdout and stderr arrive merged there). ECS has no API
 * that reaches a task's main process (ECS Exec only starts new ones), so attaching with stdin is
 * refused with that reason instead of dropping the input.
 */
public final class LogAttach {
  private final CloudWatchLogs logs;

  public LogAttach(CloudWatchLogs logs) {
    this.logs = logs;
  }

  /** Starts streaming; the stage completes when the task stops or the client goes. */
  public CompletionStage<Void> attach(ContainerRef ref, StreamIO io) throws ProviderException {
    if (io.stdin().isPresent()) {
      throw ProviderException.invalid(
          "attach with stdin: ECS cannot write to a task's main process (ECS Exec only starts new"
              + " processes); use kubectl attach without -i to see its output, or kubectl exec -i");
    }
    OutputStream out =
        io.stdout()
            .or(io::stderr)
            .orElseThrow(() -> ProviderException.invalid("attach needs stdout or stderr"));
    CompletableFuture<Void> done = new CompletableFuture<>();
    logs.open(ref, LogOptions.NEW_LINES).subscribe(new Copier(out, done));
    return done;
  }

  /** Writes each line as it comes; a closed client stream ends the attach. */
  private static final class Copier implements Flow.Subscriber<LogLine> {
    private final OutputStream out;
    private final CompletableFuture<Void> done;
    private Flow.Subscription subscription;

    Copier(OutputStream out, CompletableFuture<Void> done) {
      this.out = out;
      this.done = done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(LogLine line) {
      try {
        out.write(line.content());
        out.flush();
      } catch (IOException e) {
        subscription.cancel(); // the client went away
        done.complete(null);
      }
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
