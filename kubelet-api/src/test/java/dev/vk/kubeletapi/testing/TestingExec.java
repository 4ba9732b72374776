package dev.vk.kubeletapi.testing;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.StreamIO;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An exec (or attach) the test drives: it records the call and returns a stage the test completes.
 * With a direct executor everything stays on the test thread, as EmbeddedChannel requires.
 */
public final class TestingExec implements ContainerExecutor {
  public volatile ContainerRef container;
  public volatile List<String> command;
  public volatile StreamIO io;
  public final CompletableFuture<Integer> exit = new CompletableFuture<>();

  @Override
  public CompletionStage<Integer> exec(ContainerRef container, List<String> command, StreamIO io) {
    this.container = container;
    this.command = command;
    this.io = io;
    return exit;
  }

  /** Records like {@link #exec} with no command; the attachment ends when {@link #exit} does. */
  @Override
  public CompletionStage<Void> attach(ContainerRef container, StreamIO io) {
    this.container = container;
    this.io = io;
    return exit.thenApply(code -> null);
  }

  public boolean started() {
    return io != null;
  }
}
