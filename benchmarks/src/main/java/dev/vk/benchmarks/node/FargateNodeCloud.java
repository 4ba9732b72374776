package dev.vk.benchmarks.node;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.emulator.ecs.lifecycle.LifecycleTimings;
import dev.vk.provider.fargate.config.FargateSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS + CloudWatch Logs emulator at its default pace (a task RUNNING about 1 s after RunTask),
 * and the fargate provider with its default timings and rates.
 */
final class FargateNodeCloud implements NodeCloud {
  static final String LOG_GROUP = "/ecs/vk-bench";

  private final EcsEmulator ecs;
  private final Instant warmed;

  private FargateNodeCloud(EcsEmulator ecs) {
    this.ecs = ecs;
    EmulatorWarmUp.ecs(ecs.providerSettings());
    this.warmed = Instant.now();
  }

  /** Starts the emulator on loopback and warms it; returns once it serves. */
  static FargateNodeCloud start() {
    LifecycleTimings d = LifecycleTimings.defaults();
    // A pause container logs nothing; the emulator's once-a-second line per task would only
    // grow the benchmark JVM's log store with thousands of tasks.
    LifecycleTimings quiet =
        new LifecycleTimings(
            d.provisioning(),
            d.pull(),
            d.activating(),
            d.deactivating(),
            d.stopping(),
            d.deprovisioning(),
            d.minimumRuntime(),
            Duration.ofHours(1),
            d.stoppedRetention());
    return new FargateNodeCloud(
        EcsEmulator.start(EmulatorOptions.defaults().logGroup(LOG_GROUP).timings(quiet)));
  }

  @Override
  public Map<String, String> nodeSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("provider", "fargate");
    ecs.providerSettings().forEach((k, v) -> s.put("fargate-" + k, v));
    tuned().forEach((k, v) -> s.put("fargate-" + k, v));
    return s;
  }

  @Override
  public Map<String, String> tuned() {
    return NodeCloud.tuned("fargate");
  }

  /** Two default transition rounds (5 s): then only the steady listing runs. */
  @Override
  public Duration settle() {
    return Duration.ofSeconds(10);
  }

  /**
   * Three status intervals (75 s by default): from just before a listing begins ({@link
   * #steadyStart}), the window holds three whole ListTasks listings; a 60 s window from any moment
   * held two or three of the 25 s listings, and parts of others.
   */
  @Override
  public Duration steadyWindow() {
    Map<String, String> s = new LinkedHashMap<>(ecs.providerSettings());
    s.putAll(tuned());
    return FargateSettings.from(name -> Optional.ofNullable(s.get(name)))
        .statusInterval()
        .multipliedBy(3);
  }

  /** A second before the first ListTasks listing that begins after {@code after}. */
  @Override
  public Optional<Instant> steadyStart(List<CloudCalls.Call> calls, Instant after) {
    return CloudCalls.roundStart(calls, "ListTasks", after, Duration.ofSeconds(5))
        .map(t -> t.minusSeconds(1));
  }

  @Override
  public List<CloudCalls.Call> calls() {
    return ecs.calls().timeline().stream()
        .filter(c -> !c.time().isBefore(warmed))
        .map(c -> new CloudCalls.Call(c.time(), c.operation()))
        .toList();
  }

  @Override
  public void close() {
    ecs.close();
  }
}
