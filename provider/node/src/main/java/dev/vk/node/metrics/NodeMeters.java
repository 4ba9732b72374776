package dev.vk.node.metrics;

import dev.vk.node.nodeobject.LeaseController;
import dev.vk.node.nodeobject.NodeController;
import dev.vk.node.pod.KeyedWorkQueue;
import dev.vk.node.pod.StatusWriter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Registers the series read from the node's own parts. The parts keep plain counters, so they stay
 * free of Micrometer; this class alone names the series. Registration is idempotent per registry.
 */
public final class NodeMeters {
  private NodeMeters() {}

  /**
   * {@code vk_workqueue_depth}, {@code vk_workqueue_oldest_wait_seconds}, {@code _retries_total}.
   */
  public static void workQueues(MeterRegistry registry, Map<String, KeyedWorkQueue> queues) {
    queues.forEach(
        (name, queue) -> {
          Gauge.builder("vk.workqueue.depth", queue, KeyedWorkQueue::depth)
              .description("Keys waiting or being processed")
              .tag("queue", name)
              .register(registry);
          TimeGauge.builder(
                  "vk.workqueue.oldest.wait",
                  queue,
                  TimeUnit.SECONDS,
                  q -> q.oldestWait().toNanos() / 1e9)
              .description("How long the key waiting longest has waited for a worker")
              .tag("queue", name)
              .register(registry);
          FunctionCounter.builder("vk.workqueue.retries", queue, KeyedWorkQueue::retries)
              .description("Failed runs put back with backoff")
              .tag("queue", name)
              .register(registry);
        });
  }

  /** {@code vk_pod_status_writes_total{result="sent|unchanged|failed"}}. */
  public static void statusWrites(MeterRegistry registry, StatusWriter writer) {
    counter(registry, "vk.pod.status.writes", writer, StatusWriter::writes, "sent");
    counter(registry, "vk.pod.status.writes", writer, StatusWriter::unchanged, "unchanged");
    counter(registry, "vk.pod.status.writes", writer, StatusWriter::failed, "failed");
    counter(registry, "vk.pod.status.writes", writer, StatusWriter::refusals, "refused");
  }

  /** {@code vk_node_lease_renewals_total}, {@code vk_node_lease_last_renewal_timestamp_seconds}. */
  public static void lease(MeterRegistry registry, LeaseController lease) {
    counter(registry, "vk.node.lease.renewals", lease, LeaseController::renewals, "ok");
    counter(registry, "vk.node.lease.renewals", lease, LeaseController::failures, "failed");
    Gauge.builder(
            "vk.node.lease.last.renewal.timestamp",
            lease,
            l -> l.lastRenewal().map(Instant::getEpochSecond).orElse(0L))
        .description("Unix time of the last successful Lease renewal (0 before the first)")
        .baseUnit("seconds")
        .register(registry);
  }

  /** {@code vk_node_status_updates_total}, {@code vk_node_ready}. */
  public static void node(MeterRegistry registry, NodeController node) {
    counter(registry, "vk.node.status.updates", node, NodeController::statusUpdates, "ok");
    counter(registry, "vk.node.status.updates", node, NodeController::statusFailures, "failed");
    Gauge.builder("vk.node.ready", node, n -> n.ready() ? 1 : 0)
        .description("1 while the node reports Ready (the provider answers), else 0")
        .register(registry);
  }

  /**
   * {@code vk_node_leader}: 1 while this process runs the node's controllers.
   *
   * @param leading whether it does now
   */
  public static void leader(MeterRegistry registry, BooleanSupplier leading) {
    Gauge.builder("vk.node.leader", leading, l -> l.getAsBoolean() ? 1 : 0)
        .description("1 while this process runs the node's controllers, else 0")
        .register(registry);
  }

  /**
   * Memory, GC, threads, class loading, process CPU, file descriptors and uptime.
   *
   * @return the GC binder, to close when the node stops (it listens to GC notifications)
   */
  public static AutoCloseable jvm(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc;
  }

  private static <T> void counter(
      MeterRegistry registry, String name, T source, ToDoubleFunction<T> count, String result) {
    FunctionCounter.builder(name, source, count).tag("result", result).register(registry);
  }
}
