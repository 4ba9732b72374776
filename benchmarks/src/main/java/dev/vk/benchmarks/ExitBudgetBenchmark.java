package dev.vk.benchmarks;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodStatusNotifier;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How late the azure provider sees container exits in steady groups under its ARM read budget: N
 * pods (a tenth restart Never, the rest Always) against the ARM emulator with ARM's documented read
 * bucket (250, refilled at 25 a second) and the provider's default status settings (10% share).
 * Five Never and five Always containers exit at once; each exit's detection time and the ARM reads
 * a minute in the window are measured.
 */
final class ExitBudgetBenchmark {
  static final int VICTIMS = 5;

  private ExitBudgetBenchmark() {}

  /** One measurement; detection times in seconds, null when not seen in the window. */
  record Row(int pods, List<Double> never, List<Double> always, double readsPerMinute) {}

  static Row measure(int count, Duration window) throws Exception {
    System.err.printf("benchmark: azure exit detection with %d pods%n", count);
    try (AciCloud cloud = AciCloud.start()) {
      AciEmulator aci = cloud.emulator();
      PodLifecycle seeder = cloud.provider(true);
      Map<String, V1Pod> seeded = new ConcurrentHashMap<>();
      ((PodStatusNotifier) seeder).notifyPods(p -> seeded.put(p.getMetadata().getName(), p));
      List<V1Pod> pods = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        V1Pod pod = Pods.pod("bench", "pod-" + i, Pods.container("app"));
        if (i % 10 == 0) {
          pod.getSpec().restartPolicy("Never");
        }
        pods.add(pod);
        seeder.createPod(pod);
      }
      waitFor(() -> pods.stream().allMatch(p -> running(seeded.get(name(p)))), "all Running");
      ((AutoCloseable) seeder).close();

      PodLifecycle provider = cloud.provider(false); // ARM's read bucket again, default settings
      Map<String, V1Pod> latest = new ConcurrentHashMap<>();
      ((PodStatusNotifier) provider).notifyPods(p -> latest.put(name(p), p));
      // Its first round reads every group once (at the default 10 requests a second).
      waitFor(() -> latest.size() == count, "the first round");
      // Past the settle time (1 min) in which started groups are read every round.
      Thread.sleep(Long.getLong("vk.bench.settle", 75) * 1000);
      List<V1Pod> never = victims(pods, latest, "Never");
      List<V1Pod> always = victims(pods, latest, "Always");
      List<Runnable> crashes = new ArrayList<>();
      for (V1Pod v : concat(never, always)) {
        crashes.add(cloud.crasher(v));
      }
      aci.calls().reset();
      Instant start = Instant.now();
      crashes.forEach(Runnable::run);
      Map<String, Double> seen = new HashMap<>();
      while (Duration.between(start, Instant.now()).compareTo(window) < 0) {
        for (V1Pod v : concat(never, always)) {
          if (!seen.containsKey(name(v)) && exited(latest.get(name(v)))) {
            seen.put(name(v), Duration.between(start, Instant.now()).toMillis() / 1000.0);
          }
        }
        Thread.sleep(100); // a benchmark's sampling tick, not a test's wait
      }
      ((AutoCloseable) provider).close();
      long reads =
          aci.calls().timeline().stream()
              .filter(c -> c.method().equals("GET") && c.operation().startsWith("container"))
              .count();
      return new Row(
          count,
          never.stream().map(v -> seen.get(name(v))).toList(),
          always.stream().map(v -> seen.get(name(v))).toList(),
          reads * 60.0 / window.toSeconds());
    }
  }

  private static List<V1Pod> victims(List<V1Pod> pods, Map<String, V1Pod> latest, String policy) {
    List<V1Pod> healthy =
        pods.stream()
            .filter(p -> policy.equals(p.getSpec().getRestartPolicy()))
            .filter(p -> running(latest.get(name(p))) && !exited(latest.get(name(p))))
            .toList();
    List<V1Pod> chosen = new ArrayList<>();
    for (int i = 0; i < VICTIMS; i++) {
      chosen.add(healthy.get(i * healthy.size() / VICTIMS)); // spread over the list order
    }
    return chosen;
  }

  private static List<V1Pod> concat(List<V1Pod> a, List<V1Pod> b) {
    List<V1Pod> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String name(V1Pod pod) {
    return pod.getMetadata().getName();
  }

  private static boolean running(V1Pod pod) {
    return pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
  }

  private static boolean exited(V1Pod pod) {
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return false;
    }
    for (V1ContainerStatus c : pod.getStatus().getContainerStatuses()) {
      if ((c.getRestartCount() != null && c.getRestartCount() > 0)
          || (c.getState() != null && c.getState().getTerminated() != null)) {
        return true;
      }
    }
    return false;
  }

  private static void waitFor(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
