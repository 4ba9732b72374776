package dev.vk.node.ha;

import dev.vk.provider.DaemonThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the node only while this replica leads: each term starts a fresh node behind the term's
 * {@link WriteGate}, and the end of the term closes it (informers, workers, kubelet API; nothing in
 * the cloud is deleted), after which the replica is a candidate again. Starting and stopping happen
 * in order on one thread, so a term's node is closed before the next one starts.
 */
public final class ElectedNode implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ElectedNode.class);

  /** Builds and starts the node of one term. May block; the returned node is closed at its end. */
  @FunctionalInterface
  public interface NodeStarter {
    AutoCloseable start(WriteGate gate) throws Exception;
  }

  private final Leadership leadership;
  private final LeaderElector elector;
  private final Duration retryPeriod;
  private final NodeStarter starter;
  private final Consumer<Exception> startFailed;
  private final Counter transitions;
  private final ScheduledExecutorService election =
      Executors.newScheduledThreadPool(2, DaemonThreads.factory("election"));
  private final ExecutorService lifecycle =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "leader-lifecycle"));
  private AutoCloseable node; // only touched on the lifecycle thread

  /**
   * @param startFailed hears a node that could not start (the caller usually exits)
   */
  private ElectedNode(
      Leadership leadership,
      LeaseStore store,
      ElectionTimings timings,
      NodeStarter starter,
      Consumer<Exception> startFailed,
      MeterRegistry meters) {
    this.leadership = leadership;
    this.retryPeriod = timings.retryPeriod();
    this.starter = starter;
    this.startFailed = startFailed;
    this.elector =
        new LeaderElector(
            store,
            leadership,
            timings.identity(),
            timings.leaseDuration(),
            timings.renewDeadline(),
            timings.nanoTime(),
            timings.clock(),
            new LeaderElector.Listener() {
              @Override
              public void started(long term) {
                transitions().increment();
                lifecycle.execute(() -> startTerm(term));
              }

              @Override
              public void stopped(long term, String why) {
                transitions().increment();
                logger.warn("Lost leadership (term {}): {}; stopping the node", term, why);
                lifecycle.execute(() -> stopTerm(term));
              }
            });
    Gauge.builder("vk.node.leader", leadership, l -> l.isLeader() ? 1 : 0)
        .description("1 while this replica leads and runs the node, else 0")
        .register(meters);
    this.transitions =
        Counter.builder("vk.node.leader.transitions")
            .description("times this replica became or stopped being the leader")
            .register(meters);
  }

  private Counter transitions() {
    return transitions;
  }

  /** What the election needs besides the lease and the node. */
  public record ElectionTimings(
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod,
      java.util.function.LongSupplier nanoTime,
      java.time.Clock clock) {}

  /** Starts campaigning; returns at once. */
  public static ElectedNode start(
      LeaseStore store,
      ElectionTimings timings,
      NodeStarter starter,
      Consumer<Exception> startFailed,
      MeterRegistry meters) {
    ElectedNode n =
        new ElectedNode(
            new Leadership(timings.nanoTime()), store, timings, starter, startFailed, meters);
    long period = n.retryPeriod.toMillis();
    n.election.scheduleWithFixedDelay(n.elector::tick, 0, period, TimeUnit.MILLISECONDS);
    // The fence closes by itself; this acts on it even while a lease call hangs.
    n.election.scheduleAtFixedRate(
        n.elector::checkDeadline, period, Math.max(50, period / 4), TimeUnit.MILLISECONDS);
    logger.info("Campaigning for leadership as {}", timings.identity());
    return n;
  }

  /** Whether this replica leads now (for a readiness check). Never blocks. */
  public boolean isLeader() {
    return leadership.isLeader();
  }

  private void startTerm(long term) {
    WriteGate gate = leadership.gate(term);
    if (!gate.open()) {
      return; // The term ended before its node could start.
    }
    try {
      node = starter.start(gate);
    } catch (Exception e) {
      if (!gate.open()) {
        // The fence stopped the start: the term ended meanwhile, nothing is wrong with the node.
        logger.info("Term {} ended while its node was starting: {}", term, e.toString());
        return;
      }
      logger.error("Node failed to start as leader (term {})", term, e);
      startFailed.accept(e);
      return;
    }
    if (!gate.open()) {
      stopTerm(term);
    }
  }

  private void stopTerm(long term) {
    if (node == null) {
      return;
    }
    try {
      node.close();
      logger.info("Node stopped (term {}); waiting as a candidate", term);
    } catch (Exception e) {
      logger.warn("Node did not stop cleanly: {}", e.toString());
    }
    node = null;
  }

  /** Stops the node, then releases the lease so a follower takes over at once. Blocks. */
  @Override
  public void close() {
    election.shutdownNow();
    elector.release();
    lifecycle.shutdown();
    try {
      lifecycle.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
