package dev.vk.provider.testkit;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerLogSource;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;

/**
 * What {@link AbstractLogsExecCompatibilityTest} needs from a provider, and the waiting it does. A
 * cloud that cannot do something declares it in {@link #execTraits()}; the suite then asserts the
 * documented alternative instead of skipping.
 */
public abstract class LogsExecFixture extends ProviderContractFixture {

  /**
   * What exec can do on this cloud.
   *
   * @param arguments commands with arguments run ({@code sh -c ...}); without, only a program on a
   *     terminal, fed through stdin
   * @param separateStderr stderr reaches the client's stderr; without, it arrives merged in stdout
   * @param exitCodes the command's exit status is reported; without, the stage completes with 0
   * @param laterResizes a resize after the start reaches the command; without, the size the
   *     terminal had at the start stays
   */
  public record ExecTraits(
      boolean arguments, boolean separateStderr, boolean exitCodes, boolean laterResizes) {}

  /** The exec abilities of the provider; defaults to everything, so a gap has to be declared. */
  protected ExecTraits execTraits() {
    return new ExecTraits(true, true, true, true);
  }

  /**
   * A one-container pod (container {@code app}) whose container writes at least {@code lines}
   * lines, each with a later timestamp than the one before, and then, when {@code exits}, exits 0
   * (the suite sets restartPolicy Never). Until then it runs on; its log may grow only as {@link
   * #passTime()} moves the provider's clock. Defaults to a shell script, as emulators run it:
   * {@code compat line 1} to {@code compat line N}, a second apart.
   */
  protected V1Pod podThatLogs(int lines, boolean exits) {
    String script =
        IntStream.rangeClosed(1, lines)
                .mapToObj(i -> "echo compat line " + i)
                .collect(Collectors.joining("; sleep 1; "))
            + (exits ? "; exit 0" : "; sleep 600");
    return Pods.pod("any", "any", Pods.container("app").command(List.of("sh", "-c", script)));
  }

  /** Not used by this suite; a shell's {@code exit}, as emulators run it. */
  @Override
  protected V1Pod podThatExits(int exitCode) {
    return Pods.pod(
        "any", "any", Pods.container("app").command(List.of("sh", "-c", "exit " + exitCode)));
  }

  /**
   * Waits until the provider has stopped reading logs from the cloud: no follower or poller left.
   * May block up to {@link #timeout()}; fails if reading goes on.
   */
  protected abstract void awaitLogReadingStopped();

  /**
   * Moves the provider's time on; a provider on the real clock does nothing. Called while waiting.
   */
  protected void passTime() {}

  /** The provider's "now", for checking log timestamps. */
  protected Instant now() {
    return Instant.now();
  }

  /** A shell that reads commands from stdin. */
  protected List<String> shell() {
    return List.of("sh");
  }

  /** Waits until a counter has stayed the same for three {@code interval}s: reading stopped. */
  protected final void awaitSteady(LongSupplier counter, Duration interval) {
    AtomicLong last = new AtomicLong(counter.getAsLong());
    Awaitility.await("log reads to stop")
        .atMost(timeout().plus(interval.multipliedBy(3)))
        .pollInterval(interval)
        .during(interval.multipliedBy(3))
        .until(() -> last.getAndSet(counter.getAsLong()) == last.get());
  }

  protected final ContainerLogSource logs() {
    return (ContainerLogSource) provider();
  }

  protected final ContainerExecutor executor() {
    return (ContainerExecutor) provider();
  }

  /** Creates the pod with restartPolicy Never and waits until it runs. */
  protected final ContainerRef startLogging(int lines, boolean exits) throws ProviderException {
    V1Pod template = podThatLogs(lines, exits);
    template.getSpec().setRestartPolicy("Never");
    V1Pod pod = create(template);
    ContainerRef ref = ContainerRef.of(namespace(), pod.getMetadata().getName(), "app");
    until("the pod to run or finish", () -> phase(pod).matches("Running|Succeeded"));
    return ref;
  }

  /** Waits until the log holds at least {@code count} lines; returns the whole log then. */
  protected final List<LogLine> awaitLines(ContainerRef ref, int count) {
    until("the log to hold " + count + " lines", () -> read(ref).size() >= count);
    return read(ref);
  }

  /** The log once, without follow: every line the options select, after completion. */
  protected final List<LogLine> read(ContainerRef ref, LogOptions options) {
    RecordingLogSubscriber log = subscribe(ref, options, Long.MAX_VALUE);
    // Without passing time, so that reads one after the other see the same log.
    Awaitility.await("the log to complete").atMost(timeout()).until(log::ended);
    if (log.error() != null) {
      throw new AssertionError("the log failed", log.error());
    }
    return log.lines();
  }

  protected final List<LogLine> read(ContainerRef ref) {
    return read(ref, LogOptions.DEFAULTS);
  }

  protected final RecordingLogSubscriber subscribe(
      ContainerRef ref, LogOptions options, long initialRequest) {
    RecordingLogSubscriber log = new RecordingLogSubscriber(initialRequest);
    try {
      logs().logs(ref, options).subscribe(log);
    } catch (ProviderException e) {
      throw new AssertionError("logs(" + ref + ") failed", e);
    }
    return log;
  }

  /** Waits up to {@link #timeout()} for {@code condition}, letting time pass between checks. */
  protected final void until(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(timeout())
        .pollInterval(pollInterval())
        .until(
            () -> {
              passTime();
              return condition.getAsBoolean();
            });
  }

  private String phase(V1Pod pod) {
    try {
      return current(pod).map(p -> p.getStatus().getPhase()).orElse("");
    } catch (ProviderException e) {
      return "";
    }
  }
}
