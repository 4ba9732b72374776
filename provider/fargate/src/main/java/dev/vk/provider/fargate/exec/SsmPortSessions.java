package dev.vk.provider.fargate.exec;

import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.DaemonThreads;
import dev.vk.provider.fargate.config.LazyClient;
import dev.vk.provider.fargate.ecs.EcsErrors;
import dev.vk.provider.fargate.status.EcsStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.StartSessionResponse;

/**
 * Port-forward through Session Manager, as {@code aws ssm start-session --target
 * ecs:<cluster>_<task-id>_<runtime-id> --document-name AWS-StartPortForwardingSession} does: one
 * StartSession per forwarded connection, then the data channel ECS Exec also uses, in the basic
 * port protocol (see docs/providers/fargate.md, "Port-forward").
 */
public final class SsmPortSessions implements AutoCloseable {
  /** The AWS-managed document for forwarding to a port of the target itself. */
  static final String DOCUMENT = "AWS-StartPortForwardingSession";

  private static final Set<String> INVALID =
      Set.of("InvalidDocument", "InvalidParameters", "InvalidTarget", "ValidationException");
  private static final Set<String> DENIED = Set.of("AccessDeniedException");

  private final LazyClient<SsmClient> ssm;
  private final ExecCall.Runtime runtime;

  public SsmPortSessions(LazyClient<SsmClient> ssm, Clock clock) {
    this.ssm = ssm;
    // Cached threads: each forward holds one in a blocking read of the client's bytes, and the
    // WebSocket listener blocks while a slow client reads.
    ExecutorService threads =
        Executors.newCachedThreadPool(DaemonThreads.factory("fargate-port-forward"));
    this.runtime =
        new ExecCall.Runtime(
            HttpClient.newBuilder().executor(threads).build(),
            threads,
            Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.factory("fargate-port-forward-timer")),
            clock);
  }

  /**
   * Connects {@code stream} to {@code port} in the task's network namespace. Blocks for one
   * StartSession call; the connection then runs in the background. Not idempotent: each call opens
   * a session.
   *
   * @throws ProviderException INVALID_INPUT when no container of the task has a runtime id yet,
   *     else StartSession's failure (TargetNotConnected → UNAVAILABLE, AccessDenied →
   *     NOT_PERMITTED)
   */
  public CompletionStage<Void> forward(Task task, int port, PortStream stream)
      throws ProviderException {
    String target = target(task);
    StartSessionResponse session;
    try {
      session =
          ssm.get()
              .startSession(
                  r ->
                      r.target(target)
                          .documentName(DOCUMENT)
                          .reason("kubectl port-forward")
                          .parameters(Map.of("portNumber", List.of(Integer.toString(port)))));
    } catch (SdkException e) {
      throw classify("StartSession " + target + " port " + port, e);
    }
    return PortCall.start(URI.create(session.streamUrl()), session.tokenValue(), stream, runtime);
  }

  /**
   * {@code ecs:<cluster name>_<task id>_<runtime id>}: any running container's runtime id names the
   * task, whose containers share one network namespace.
   */
  static String target(Task task) throws ProviderException {
    String runtimeId =
        task.containers().stream()
            .filter(c -> EcsStatus.of(c.lastStatus()) == EcsStatus.RUNNING)
            .map(Container::runtimeId)
            .filter(id -> id != null && !id.isEmpty())
            .findFirst()
            .orElseThrow(
                () ->
                    ProviderException.invalid(
                        "no container of task " + task.taskArn() + " is running"));
    String arn = task.taskArn();
    String taskId = arn.substring(arn.lastIndexOf('/') + 1);
    String clusterArn = task.clusterArn();
    String cluster = clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
    return "ecs:" + cluster + "_" + taskId + "_" + runtimeId;
  }

  private static ProviderException classify(String action, SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      String code = s.awsErrorDetails().errorCode();
      String message = action + ": " + code + ": " + s.awsErrorDetails().errorMessage();
      if ("TargetNotConnected".equals(code)) {
        return new ProviderException(ProviderException.Kind.UNAVAILABLE, message, e);
      }
      if (INVALID.contains(code)) {
        return new ProviderException(ProviderException.Kind.INVALID_INPUT, message, e);
      }
      if (DENIED.contains(code)) {
        return new ProviderException(ProviderException.Kind.NOT_PERMITTED, message, e);
      }
    }
    return EcsErrors.classify(action, e);
  }

  @Override
  public void close() {
    runtime.timers().shutdownNow();
    runtime.threads().shutdownNow();
    ssm.close();
  }
}
