package dev.vk.provider.fargate.portforward;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.DaemonThreads;
import dev.vk.provider.fargate.exec.SsmPortSessions;
import dev.vk.provider.fargate.pods.PodService;
import dev.vk.provider.fargate.status.EcsStatus;
import dev.vk.provider.fargate.status.FargateStatusMapper;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@code kubectl port-forward} to a Fargate pod: finds the pod's task, refuses what cannot work,
 * and hands the connection to the configured path. Like the kubelet, it does not require the port
 * to be declared in the pod spec. Thread-safe.
 */
public final class FargatePortForward implements AutoCloseable {
  /** How long the direct path waits for the task to accept a connection. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final PodService pods;
  private final PortForwardPath path;
  private final SsmPortSessions sessions;
  private final ExecutorService threads;
  private final DirectForward direct;

  /**
   * @param sessions the session path; used only when {@code path} is SESSION
   */
  public FargatePortForward(PodService pods, PortForwardPath path, SsmPortSessions sessions) {
    this.pods = pods;
    this.path = path;
    this.sessions = sessions;
    this.threads =
        Executors.newCachedThreadPool(DaemonThreads.factory("fargate-port-forward-direct"));
    this.direct = new DirectForward(threads, CONNECT_TIMEOUT);
  }

  /**
   * Connects {@code stream} to {@code port} of the pod. Blocks for the connection setup (a
   * StartSession call, or a TCP connect); the copy then runs in the background. Not idempotent.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod, INVALID_INPUT for a port out of range
   *     or a pod whose task is not running, else the path's failure
   */
  public CompletionStage<Void> forward(PodRef pod, int port, PortStream stream)
      throws ProviderException {
    if (port < 1 || port > 65535) {
      throw ProviderException.invalid("port " + port + " is not a TCP port (1-65535)");
    }
    Task task =
        pods.task(pod.namespace(), pod.name())
            .orElseThrow(() -> ProviderException.notFound("pod " + pod + " not found"));
    if (EcsStatus.of(task.lastStatus()) != EcsStatus.RUNNING
        || EcsStatus.of(task.desiredStatus()) == EcsStatus.STOPPED) {
      throw ProviderException.invalid(
          "pod "
              + pod
              + " is not running: its ECS task is "
              + task.lastStatus()
              + " (desired "
              + task.desiredStatus()
              + ")");
    }
    if (path == PortForwardPath.DIRECT) {
      String address =
          FargateStatusMapper.podIp(task)
              .orElseThrow(
                  () ->
                      ProviderException.invalid(
                          "pod " + pod + " has no ENI address yet (task " + task.taskArn() + ")"));
      return direct.forward(address, port, stream);
    }
    return sessions.forward(task, port, stream);
  }

  @Override
  public void close() {
    threads.shutdownNow();
    sessions.close();
  }
}
