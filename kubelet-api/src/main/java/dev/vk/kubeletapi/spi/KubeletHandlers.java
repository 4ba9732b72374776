package dev.vk.kubeletapi.spi;

import java.util.Optional;

/**
 * The functions the kubelet API calls, one per ability. Each is optional: a route whose function is
 * missing answers 501 with a Status body. Build with {@link #builder()}.
 */
public final class KubeletHandlers {
  private final ContainerLogs containerLogs;
  private final ContainerExec exec;
  private final ContainerAttach attach;
  private final PortForwarder portForward;
  private final PodLister pods;
  private final PodLister runningPods;
  private final StatsSummary statsSummary;
  private final ResourceMetrics resourceMetrics;
  private final NodeMetrics nodeMetrics;

  private KubeletHandlers(Builder b) {
    this.containerLogs = b.containerLogs;
    this.exec = b.exec;
    this.attach = b.attach;
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

  public Optional<ContainerLogs> containerLogs() {
    return Optional.ofNullable(containerLogs);
  }

  public Optional<ContainerExec> exec() {
    return Optional.ofNullable(exec);
  }

  public Optional<ContainerAttach> attach() {
    return Optional.ofNullable(attach);
  }

  public Optional<PortForwarder> portForward() {
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

  public Optional<ResourceMetrics> resourceMetrics() {
    return Optional.ofNullable(resourceMetrics);
  }

  public Optional<NodeMetrics> nodeMetrics() {
    return Optional.ofNullable(nodeMetrics);
  }

  /** Collects the functions; any left unset (or set to null) answers 501. */
  public static final class Builder {
    private ContainerLogs containerLogs;
    private ContainerExec exec;
    private ContainerAttach attach;
    private PortForwarder portForward;
    private PodLister pods;
    private PodLister runningPods;
    private StatsSummary statsSummary;
    private ResourceMetrics resourceMetrics;
    private NodeMetrics nodeMetrics;

    private Builder() {}

    public Builder containerLogs(ContainerLogs containerLogs) {
      this.containerLogs = containerLogs;
      return this;
    }

    public Builder exec(ContainerExec exec) {
      this.exec = exec;
      return this;
    }

    public Builder attach(ContainerAttach attach) {
      this.attach = attach;
      return this;
    }

    public Builder portForward(PortForwarder portForward) {
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

    public Builder resourceMetrics(ResourceMetrics resourceMetrics) {
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
