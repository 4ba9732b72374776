package dev.vk.kubeletapi.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Starts a caller's function that may block and returns a stage. */
@FunctionalInterface
public interface AsyncCall<T> {
  CompletionStage<T> call() throws Exception;

  /**
   * Runs {@code call} on {@code executor}. The future completes like the function's stage, or
   * exceptionally when the function threw or the executor refused it (a full pool); cancelling it
   * (the client left) cancels that stage.
   */
  static <T> CompletableFuture<T> start(AsyncCall<T> call, Executor executor) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      run(call, executor, result);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  private static <T> void run(AsyncCall<T> call, Executor executor, CompletableFuture<T> result) {
    executor.execute(
        () -> {
          if (result.isDone()) {
            return;
          }
          try {
            CompletableFuture<T> stage = call.call().toCompletableFuture();
            result.whenComplete((value, error) -> stage.cancel(true));
            stage.whenComplete(
                (value, error) -> {
                  if (error != null) {
                    result.completeExceptionally(error);
                  } else {
                    result.complete(value);
                  }
                });
          } catch (Exception | LinkageError e) {
            result.completeExceptionally(e);
          }
        });
  }
}
