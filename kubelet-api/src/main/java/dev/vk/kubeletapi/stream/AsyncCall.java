package dev.vk.kubeletapi.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Starts a caller's function that may block and returns a stage. */
@FunctionalInterface
public interface AsyncCall<T> {
  CompletionStage<T> call() throws Exception;

  /**
   * Runs {@code call} on {@code executor}. The future completes like the function's stage, or
   * exceptionally when the function threw; cancelling it (the client left) cancels that stage.
   */
  static <T> CompletableFuture<T> start(AsyncCall<T> call, Executor executor) {
    CompletableFuture<T> result = new CompletableFuture<>();
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
    return result;
  }
}
