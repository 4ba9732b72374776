package dev.vk.provider.fargate.exec;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.StreamIO;
import dev.vk.provider.DaemonThreads;
import dev.vk.provider.fargate.ecs.EcsErrors;
import dev.vk.provider.fargate.pods.PodService;
import dev.vk.provider.fargate.status.EcsStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * kubectl exec through ECS Exec: ExecuteCommand opens a session in the pod's task, and the
 * session-manager data channel carries the streams (see docs/providers/fargate.md, "Exec").
 */
public final class EcsExec implements AutoCloseable {
  private final EcsClient ecs;
  private final String cluster;
  private final PodService pods;
  private final ExecCall.Runtime runtime;

  public EcsExec(EcsClient ecs, String cluster, PodService pods, Clock clock) {
    this.ecs = ecs;
    this.cluster = cluster;
    this.pods = pods;
    // Cached threads: the WebSocket listener blocks while a slow client reads output, and each
    // exec with stdin holds one thread in a blocking read.
    ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.factory("fargate-exec"));
    this.runtime =
        new ExecCall.Runtime(
            HttpClient.newBuilder().executor(threads).build(),
            threads,
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("fargate-exec-timer")),
            clock);
  }

  /**
   * Runs {@code command} in the container. Blocks for one ExecuteCommand call; the session then
   * runs in the background and the stage completes with the exit status (0 when the agent does not
   * report one, as real ECS Exec does not). Cancelling the stage ends the session.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod or container, INVALID_INPUT for an empty
   *     command or a container that is not running, else ExecuteCommand's failure
   */
  public CompletionStage<Integer> exec(ContainerRef ref, List<String> command, StreamIO io)
      throws ProviderException {
    if (command.isEmpty()) {
      throw ProviderException.invalid("command: exec needs a command");
    }
    Task task = runningTask(ref);
    ExecuteCommandResponse response;
    try {
      response =
          ecs.executeCommand(
              r ->
                  r.cluster(cluster)
                      .task(task.taskArn())
                      .container(ref.container())
                      .command(CommandLine.of(command))
                      .interactive(true));
    } catch (SdkException e) {
      throw EcsErrors.classify("ExecuteCommand in " + ref, e);
    }
    var session = response.session();
    return ExecCall.start(URI.create(session.streamUrl()), session.tokenValue(), io, runtime);
  }

  /** The pod's task, checked to hold the container and to be able to run a command. */
  private Task runningTask(ContainerRef ref) throws ProviderException {
    Task task =
        pods.task(ref.pod().namespace(), ref.pod().name())
            .orElseThrow(() -> ProviderException.notFound("pod " + ref.pod() + " not found"));
    Container container =
        task.containers().stream()
            .filter(c -> ref.container().equals(c.name()))
            .findFirst()
            .orElseThrow(() -> ProviderException.notFound("container " + ref + " not found"));
    if (EcsStatus.of(task.lastStatus()).ending()
        || EcsStatus.of(task.desiredStatus()) == EcsStatus.STOPPED) {
      throw ProviderException.invalid(
          "container "
              + ref
              + " is not running: its ECS task is "
              + task.lastStatus()
              + " (desired "
              + task.desiredStatus()
              + "), and ECS Exec needs a RUNNING task");
    }
    if (EcsStatus.of(container.lastStatus()) == EcsStatus.STOPPED) {
      throw ProviderException.invalid(
          "container " + ref + " has exited (exit code " + container.exitCode() + ")");
    }
    return task;
  }

  @Override
  public void close() {
    runtime.timers().shutdownNow();
    runtime.threads().shutdownNow();
  }
}
