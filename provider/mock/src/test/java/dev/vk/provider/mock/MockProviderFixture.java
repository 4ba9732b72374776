package dev.vk.provider.mock;

import static org.awaitility.Awaitility.await;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.RecordingLogSubscriber;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The setup the mock's ability tests share: a provider whose containers start one second after
 * creation, on a clock the test moves (starting at 2026-01-01T00:00:00Z), closed after each test.
 */
abstract class MockProviderFixture {

  /** The one container of {@code Pods.pod("ns", "web")}. */
  static final ContainerRef APP = ContainerRef.of("ns", "web", "app");

  final TestingClock clock = new TestingClock();
  final InMemoryProvider provider =
      new InMemoryProvider(Contexts.context("start-delay", "1s"), clock);

  @AfterEach
  void closeProvider() {
    provider.close();
  }

  /** Subscribes to a log, asking for every line. */
  RecordingLogSubscriber subscribe(ContainerRef ref, LogOptions options) throws ProviderException {
    RecordingLogSubscriber log = new RecordingLogSubscriber(Long.MAX_VALUE);
    provider.logs(ref, options).subscribe(log);
    return log;
  }

  /** Subscribes to a log, asking for every line, and waits until it ends. */
  RecordingLogSubscriber whole(ContainerRef ref, LogOptions options) throws ProviderException {
    RecordingLogSubscriber log = subscribe(ref, options);
    await().until(log::ended);
    return log;
  }

  /** Creates {@code pod} and lets {@code elapsed} pass. */
  void start(V1Pod pod, Duration elapsed) throws ProviderException {
    provider.createPod(pod);
    clock.advance(elapsed);
  }
}
