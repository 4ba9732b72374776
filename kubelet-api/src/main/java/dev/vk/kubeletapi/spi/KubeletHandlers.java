package dev.vk.kubeletapi.spi;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerLogSource;
import dev.vk.kubelet.types.PodMetricsSource;
import dev.vk.kubelet.types.PortForwarding;
import java.util.Optional;

/**
 * The functions the kubelet API calls, one per ability: the provider abilities from {@code
 * dev.vk.kubelet.types} and the server-only listers here. Each is optional: a route whose function
 * is missing answers 501 with a Status body. Build with {@link #builder()}.
 */
public final class KubeletHandlers {
  private final ContainerLogSource containerLogs;
  private final ContainerExecutor exec;
  private final PortForwarding portForward;
  private final PodLister pods;
  private final PodLister runningPods;
  private final StatsSummary statsSummary;
  private final PodMetricsSource resourceMetrics;
  private final NodeMetrics nodeMetrics;

  private KubeletHandlers(Builder b) {
    this.containerLogs = b.containerLogs;
    this.exec = b.exec;
    this.portForward = b.portForward;
    this.pods = b.pods;
    this.runningPods = b.runningPods;
    this.statsSummary = b.statsSummary;
    this.resourceMetrics = b.resourceMetrics;
    this.nodeMetrics = b.nodeMetrics;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<ContainerLogSource> containerLogs() {
    return Optional.ofNullable(containerLogs);
  }

  public Optional<ContainerExecutor> exec() {
    return Optional.ofNullable(exec);
  }

  public Optional<PortForwarding> portForward() {
    return Optional.ofNullable(portForward);
  }

  public Optional<PodLister> pods() {
    return Optional.ofNullable(pods);
  }

  public Optional<PodLister> runningPods() {
    return Optional.ofNullable(runningPods);
  }

  public Optional<StatsSummary> statsSummary() {
    return Optional.ofNullable(statsSummary);
  }

  public Optional<PodMetricsSource> resourceMetrics() {
    return Optional.ofNullable(resourceMetrics);
  }

  public Optional<NodeMetrics> nodeMetrics() {
    return Optional.ofNullable(nodeMetrics);
  }

  /** Collects the functions; any left unset (or set to null) answers 501. */
  public static final class Builder {
    private ContainerLogSource containerLogs;
    private ContainerExecutor exec;
    private PortForwarding portForward;
    private PodLister pods;
    private PodLister runningPods;
    private StatsSummary statsSummary;
    private PodMetricsSource resourceMetrics;
    private NodeMetrics nodeMetrics;

    private Builder() {}

    public Builder containerLogs(ContainerLogSource containerLogs) {
      this.containerLogs = containerLogs;
      return this;
    }

    /** {@code /exec/...} and {@code /attach/...}. */
    public Builder exec(ContainerExecutor exec) {
      this.exec = exec;
      return this;
    }

    public Builder portForward(PortForwarding portForward) {
      this.portForward = portForward;
      return this;
    }

    /** {@code /pods}: the pods bound to this node. */
    public Builder pods(PodLister pods) {
      this.pods = pods;
      return this;
    }

    /** {@code /runningpods/}: the pods with a running container, as the provider runs them. */
    public Builder runningPods(PodLister runningPods) {
      this.runningPods = runningPods;
      return this;
    }

    public Builder statsSummary(StatsSummary statsSummary) {
      this.statsSummary = statsSummary;
      return this;
    }

    /** {@code /metrics/resource}. */
    public Builder resourceMetrics(PodMetricsSource resourceMetrics) {
      this.resourceMetrics = resourceMetrics;
      return this;
    }

    public Builder nodeMetrics(NodeMetrics nodeMetrics) {
      this.nodeMetrics = nodeMetrics;
      return this;
    }

    public KubeletHandlers build() {
      return new KubeletHandlers(this);
    }
  }
}
