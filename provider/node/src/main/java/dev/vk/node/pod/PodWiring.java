package dev.vk.node.pod;

import dev.vk.node.config.ServedNamespaces;
import dev.vk.node.events.EventRecorder;
import dev.vk.podenv.EnvironmentResolver;
import dev.vk.podenv.PodRuntime;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the pod controller is built from, each part set by name; {@link #build()} wires them in one
 * place ({@link PodController}'s constructor). Not thread-safe: fill it on one thread, then build.
 */
public final class PodWiring {
  SharedIndexInformer<V1Pod> informer;
  ApiPods apiPods;
  PodLifecycle provider;
  EnvironmentResolver environment;
  Function<V1Pod, PodRuntime> runtime;
  EventRecorder events;
  NodeWrites nodeWrites = new NodeWrites();
  ServedNamespaces served = ServedNamespaces.ALL;
  String hostIp;
  Clock clock = Clock.systemUTC();
  int workers = 1;
  Duration statusPollInterval;
  Duration reconcileInterval;
  StartupList startupList;

  PodWiring() {}

  /** The informer of the pods bound to this node; its events feed the pod queue. */
  public PodWiring informer(SharedIndexInformer<V1Pod> informer) {
    this.informer = informer;
    return this;
  }

  /** The same pods as the informer's cache, and the kubelet's writes on them. */
  public PodWiring apiPods(ApiPods apiPods) {
    this.apiPods = apiPods;
    return this;
  }

  /** The provider, as the node calls it (already instrumented or fenced). */
  public PodWiring provider(PodLifecycle provider) {
    this.provider = provider;
    return this;
  }

  /** Resolves a pod's environment (ConfigMaps, Secrets, service links) before its create. */
  public PodWiring environment(EnvironmentResolver environment) {
    this.environment = environment;
    return this;
  }

  /** What a pod sees of the node it runs on (for the downward API). */
  public PodWiring runtime(Function<V1Pod, PodRuntime> runtime) {
    this.runtime = runtime;
    return this;
  }

  /** Where pod Events go. */
  public PodWiring events(EventRecorder events) {
    this.events = events;
    return this;
  }

  /** The record of what the node writes on pods, shared with the provider's KubernetesAccess. */
  public PodWiring nodeWrites(NodeWrites nodeWrites) {
    this.nodeWrites = nodeWrites;
    return this;
  }

  /** The namespaces whose pods run here. Default: all. */
  public PodWiring served(ServedNamespaces served) {
    this.served = served;
    return this;
  }

  /** This node's address, the hostIP of every pod status. */
  public PodWiring hostIp(String hostIp) {
    this.hostIp = hostIp;
    return this;
  }

  /** The clock of deadlines and grace periods. Default: the system clock. */
  public PodWiring clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Worker threads of the pod queue and, as many, of the status queue. Default: 1. */
  public PodWiring workers(int workers) {
    this.workers = workers;
    return this;
  }

  /** How often pod status is polled from a provider that cannot push it (status-poll-interval). */
  public PodWiring statusPollInterval(Duration statusPollInterval) {
    this.statusPollInterval = statusPollInterval;
    return this;
  }

  /** How often the full reconcile runs, which also deletes orphans (reconcile-interval). */
  public PodWiring reconcileInterval(Duration reconcileInterval) {
    this.reconcileInterval = reconcileInterval;
    return this;
  }

  /**
   * The provider's list the startup reconcile uses, begun earlier; without it {@link
   * PodController#start()} lists the provider itself.
   */
  public PodWiring startupList(StartupList startupList) {
    this.startupList = startupList;
    return this;
  }

  /** The controller, not started. Throws if a part without default is missing. */
  public PodController build() {
    Objects.requireNonNull(informer, "informer");
    Objects.requireNonNull(apiPods, "apiPods");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(hostIp, "hostIp");
    Objects.requireNonNull(statusPollInterval, "statusPollInterval");
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
    return new PodController(this);
  }
}
