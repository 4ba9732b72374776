package dev.vk.provider.fargate.logs;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.pods.PodService;
import dev.vk.provider.fargate.status.EcsStatus;
import dev.vk.provider.logs.LogPublishers;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Container logs from the awslogs stream of exactly this task and container, {@code
 * <prefix>/<container>/<task-id>}, so a re-created pod of the same name never shows its
 * predecessor's lines.
 */
public final class CloudWatchLogs implements AutoCloseable {
  private final Supplier<CloudWatchLogsClient> client;
  private final PodService pods;
  private final Optional<String> group;
  private final String prefix;
  private final Clock clock;
  private final LogPublishers publishers;

  /**
   * @param client built on the first log read (this class does not close it)
   */
  public CloudWatchLogs(
      Supplier<CloudWatchLogsClient> client,
      PodService pods,
      Optional<String> group,
      String prefix,
      Duration followInterval,
      Clock clock) {
    this.client = client;
    this.pods = pods;
    this.group = group;
    this.prefix = prefix;
    this.clock = clock;
    this.publishers = new LogPublishers("fargate-logs", followInterval, clock);
  }

  /** Opens the log; nothing is read until subscription. Does not block. */
  public Flow.Publisher<LogLine> open(ContainerRef ref, LogOptions options)
      throws ProviderException {
    if (group.isEmpty()) {
      throw ProviderException.invalid("logs are off: fargate-log-group is not set");
    }
    if (options.previous()) {
      throw ProviderException.invalid(
          "previous: Fargate keeps no earlier container run's log here");
    }
    Task task =
        pods.task(ref.pod().namespace(), ref.pod().name())
            .orElseThrow(() -> ProviderException.notFound("pod " + ref.pod() + " not found"));
    if (task.containers().stream().noneMatch(c -> ref.container().equals(c.name()))) {
      throw ProviderException.notFound("container " + ref + " not found");
    }
    String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
    String stream = prefix + "/" + ref.container() + "/" + taskId;
    return publishers.publisher(
        options,
        () ->
            new LogStreamReader(
                client.get(),
                group.get(),
                stream,
                options,
                clock.instant(),
                () -> stopped(ref, task.taskArn())));
  }

  /** Whether the container's task has stopped (the follow ends then). */
  private boolean stopped(ContainerRef ref, String taskArn) {
    return pods.task(ref.pod().namespace(), ref.pod().name())
        .filter(t -> t.taskArn().equals(taskArn))
        .map(t -> EcsStatus.of(t.lastStatus()) == EcsStatus.STOPPED)
        .orElse(true);
  }

  @Override
  public void close() {
    publishers.close();
  }
}
