package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.fault.Faults;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.RateLimitListener;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * With 20% of every ECS call throttled, or 15% answered with a 500, pods still converge to Running
 * with one task each: the SDK retries both with backoff and jitter, RunTask's clientToken keeps
 * retried creates single.
 */
@Timeout(120)
class ThrottlingIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();

  @Test
  void convergesUnderThrottlingWithoutDuplicateTasks() throws Exception {
    converges(faults -> faults.throttlePercent("*", 20), "ThrottlingException");
  }

  @Test
  void convergesUnderServerErrorsWithoutDuplicateTasks() throws Exception {
    converges(faults -> faults.serverErrorPercent("*", 15), "ServerException");
  }

  private void converges(Consumer<Faults> inject, String errorType) throws Exception {
    Map<String, String> settings = EmulatedFargate.settings(emulator);
    Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    RateLimitListener counting =
        new RateLimitListener() {
          @Override
          public void waited(String limiter, Duration wait) {}

          @Override
          public void throttled(String limiter) {
            throttled.computeIfAbsent(limiter, l -> new AtomicInteger()).incrementAndGet();
          }
        };
    FargateProvider provider =
        EmulatedFargate.provider(emulator, "vk-faults", settings, KubernetesAccess.NONE, counting);
    inject.accept(emulator.get().faults());
    List<V1Pod> pods = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      V1Pod pod = Pods.pod("ns", Pods.uniqueName("t"));
      pods.add(pod);
      createRetrying(provider, pod);
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsMatching(e -> e instanceof ProviderException p && p.retriable())
        .until(
            () ->
                provider.getPods().stream().filter(p -> PodStatuses.isTrue(p, "Ready")).count()
                    == pods.size());

    emulator.get().faults().clear();
    assertThat(
            emulator.get().calls().timeline().stream()
                .filter(c -> errorType.equals(c.errorType()))
                .count())
        .as("%s was injected", errorType)
        .isPositive();
    // Every throttled attempt reaches the node's metrics, those the SDK retried included.
    await("throttled attempts reported")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(throttled.values().stream().mapToLong(AtomicInteger::get).sum())
                    .isEqualTo(
                        errorType.equals("ThrottlingException")
                            ? emulator.get().calls().timeline().stream()
                                .filter(c -> errorType.equals(c.errorType()))
                                .count()
                            : 0L));
    try (EcsClient ecs = EmulatedFargate.ecsClient(emulator)) {
      assertThat(ecs.listTasks(r -> r.cluster("default").startedBy("vk-faults")).taskArns())
          .as("one task per pod, no duplicates")
          .hasSize(pods.size());
    }
  }

  /** What the node's pod worker does: retry a retriable failure (with backoff, here immediate). */
  private static void createRetrying(FargateProvider provider, V1Pod pod) throws ProviderException {
    for (int attempt = 0; ; attempt++) {
      try {
        provider.createPod(Pods.copy(pod));
        return;
      } catch (ProviderException e) {
        if (!e.retriable() || attempt > 10) {
          throw e;
        }
      }
    }
  }
}
