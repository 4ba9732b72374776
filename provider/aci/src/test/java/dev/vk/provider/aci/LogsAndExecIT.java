package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.kubeletapi.spi.ContainerRef;
import dev.vk.kubeletapi.spi.LogLine;
import dev.vk.kubeletapi.spi.LogOptions;
import dev.vk.provider.ProviderException;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logs (tail, follow) and exec over ACI's WebSocket, against the emulator. */
class LogsAndExecIT {

  private static AciEmulator aci;
  private static AciProvider provider;

  @BeforeAll
  static void start() throws Exception {
    aci = Emulators.start();
    provider = Emulators.provider(aci);
  }

  @AfterAll
  static void stop() {
    provider.close();
    aci.close();
  }

  @Test
  void followEmitsEachLineOnceAndEndsWhenTheContainerExits() throws Exception {
    V1Pod pod = TestPods.running("echo one; sleep 1; echo two; sleep 1; echo three; exit 0");
    pod.getSpec().setRestartPolicy("Never");
    provider.createPod(pod);
    Instant created = Instant.now();

    Collected logs = collect(ref(pod), options(OptionalLong.empty(), true));

    logs.done.get(30, TimeUnit.SECONDS);
    assertThat(logs.texts()).containsExactly("one", "two", "three");
    assertThat(logs.lines.get(0).timestamp()).isAfter(created.minusSeconds(5));
    assertThat(logs.lines.get(2).timestamp()).isAfter(logs.lines.get(0).timestamp());
  }

  @Test
  void tailKeepsTheNewestLines() throws Exception {
    V1Pod pod = TestPods.running("echo a; echo b; echo c; sleep 600");
    provider.createPod(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> collect(ref(pod), options(OptionalLong.empty(), false)).await().size() == 3);

    assertThat(collect(ref(pod), options(OptionalLong.of(2), false)).await())
        .containsExactly("b", "c");
  }

  @Test
  void execRunsAShellFedFromStdin() throws Exception {
    V1Pod pod = TestPods.sleeper();
    provider.createPod(pod);
    awaitRunning(pod);
    TestStreams io = new TestStreams("echo hi\nexit\n");

    Integer code =
        provider
            .exec(ref(pod), List.of("/bin/sh"), io)
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);

    assertThat(io.output()).contains("hi\r\n");
    assertThat(code).isZero();
  }

  @Test
  void execWithArgumentsIsRefusedNamingTheLimit() throws Exception {
    V1Pod pod = TestPods.sleeper();
    provider.createPod(pod);

    assertThatThrownBy(
            () -> provider.exec(ref(pod), List.of("sh", "-c", "echo hi"), new TestStreams("")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageContaining("single command without arguments");
  }

  private static void awaitRunning(V1Pod pod) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                provider
                    .getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName())
                    .map(p -> p.getStatus().getPhase())
                    .orElse(""),
            "Running"::equals);
  }

  private static ContainerRef ref(V1Pod pod) {
    return ContainerRef.of(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), "app");
  }

  private static LogOptions options(OptionalLong tail, boolean follow) {
    return new LogOptions(
        tail, OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), false, follow, false);
  }

  private static Collected collect(ContainerRef ref, LogOptions options) throws ProviderException {
    Collected c = new Collected();
    provider.logs(ref, options).subscribe(c);
    return c;
  }

  /** Collects a log publisher's lines and its end. */
  private static final class Collected implements Flow.Subscriber<LogLine> {
    final List<LogLine> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(LogLine line) {
      lines.add(line);
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    List<String> texts() {
      return lines.stream()
          .map(l -> new String(l.content(), StandardCharsets.UTF_8).strip())
          .toList();
    }

    List<String> await() throws Exception {
      done.get(10, TimeUnit.SECONDS);
      return texts();
    }
  }
}
