package dev.vk.provider.fargate;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerLogSource;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.PodMetricsSource;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortForwarding;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.kubelet.types.StreamIO;
import dev.vk.provider.NodeConfigurer;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodStatusNotifier;
import dev.vk.provider.fargate.config.FargateNodeCapacity;
import dev.vk.provider.fargate.config.LazyClient;
import dev.vk.provider.fargate.ecs.EcsHealth;
import dev.vk.provider.fargate.exec.EcsExec;
import dev.vk.provider.fargate.logs.CloudWatchLogs;
import dev.vk.provider.fargate.logs.LogAttach;
import dev.vk.provider.fargate.metrics.InsightsMetrics;
import dev.vk.provider.fargate.pods.PodEngine;
import dev.vk.provider.fargate.portforward.FargatePortForward;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The Fargate provider: pods as ECS tasks. Delegates each ability to its own part (pods and status,
 * logs, exec, port-forward, metrics); this class only routes and owns the clients.
 */
public final class FargateProvider
    implements PodLifecycle,
        PodStatusNotifier,
        NodeConfigurer,
        ContainerLogSource,
        ContainerExecutor,
        PortForwarding,
        PodMetricsSource,
        AutoCloseable {
  private final EcsClient ecs;
  private final LazyClient<CloudWatchLogsClient> logsClient;
  private final EcsHealth health;
  private final FargateNodeCapacity capacity;
  private final PodEngine engine;
  private final CloudWatchLogs logs;
  private final EcsExec exec;
  private final LogAttach attach;
  private final FargatePortForward portForward;
  private final InsightsMetrics metrics;

  FargateProvider(
      EcsClient ecs,
      LazyClient<CloudWatchLogsClient> logsClient,
      EcsHealth health,
      FargateNodeCapacity capacity,
      PodEngine engine,
      CloudWatchLogs logs,
      EcsExec exec,
      FargatePortForward portForward,
      InsightsMetrics metrics) {
    this.ecs = ecs;
    this.logsClient = logsClient;
    this.health = health;
    this.capacity = capacity;
    this.engine = engine;
    this.logs = logs;
    this.exec = exec;
    this.attach = new LogAttach(logs);
    this.portForward = portForward;
    this.metrics = metrics;
  }

  @Override
  public void createPod(V1Pod pod) throws ProviderException {
    engine.pods().createPod(pod);
  }

  @Override
  public void updatePod(V1Pod pod) throws ProviderException {
    engine.pods().updatePod(pod);
  }

  @Override
  public void deletePod(V1Pod pod) throws ProviderException {
    engine.pods().deletePod(pod);
  }

  @Override
  public Optional<V1Pod> getPod(String namespace, String name) throws ProviderException {
    return engine.pods().getPod(namespace, name);
  }

  @Override
  public List<V1Pod> getPods() throws ProviderException {
    return engine.pods().getPods();
  }

  @Override
  public void notifyPods(Consumer<V1Pod> onStatusChange) {
    engine.listen(onStatusChange);
  }

  /** Sets capacity and allocatable from the settings; deterministic and non-blocking. */
  @Override
  public void configureNode(V1Node node) {
    if (node.getStatus() == null) {
      node.setStatus(new V1NodeStatus());
    }
    node.getStatus().setCapacity(new HashMap<>(capacity.asResources()));
    node.getStatus().setAllocatable(new HashMap<>(capacity.asResources()));
  }

  /**
   * The cluster must exist and be ACTIVE; a success is trusted for a minute ({@link EcsHealth}).
   */
  @Override
  public void ping() throws ProviderException {
    health.check();
  }

  @Override
  public Flow.Publisher<LogLine> logs(ContainerRef container, LogOptions options)
      throws ProviderException {
    return logs.open(container, options);
  }

  @Override
  public CompletionStage<Integer> exec(ContainerRef container, List<String> command, StreamIO io)
      throws ProviderException {
    return exec.exec(container, command, io);
  }

  @Override
  public CompletionStage<Void> attach(ContainerRef container, StreamIO io)
      throws ProviderException {
    return attach.attach(container, io);
  }

  /** Container Insights usage, cached for the metrics freshness; may block on CloudWatch. */
  @Override
  public ResourceUsage usage() throws ProviderException {
    return metrics.usage();
  }

  @Override
  public CompletionStage<Void> forward(PodRef pod, int port, PortStream stream)
      throws ProviderException {
    return portForward.forward(pod, port, stream);
  }

  @Override
  public void close() {
    portForward.close();
    exec.close();
    engine.close();
    logs.close();
    ecs.close();
    logsClient.close();
    metrics.close();
  }
}
