package dev.vk.provider.mock;

import dev.vk.provider.PodLifecycle;
import dev.vk.provider.testkit.AbstractLogsExecCompatibilityTest;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;

/**
 * The mock passes the logs and exec compatibility suite on a testing clock: its containers log a
 * line a second as the suite lets time pass.
 */
class InMemoryLogsExecCompatibilityTest extends AbstractLogsExecCompatibilityTest {

  private final TestingClock clock = new TestingClock();
  private InMemoryProvider provider;

  @Override
  protected PodLifecycle createProvider() {
    provider = new InMemoryProvider(Contexts.context("start-delay", "1s"), clock);
    return provider;
  }

  @Override
  protected V1Pod podThatLogs(int lines, boolean exits) {
    V1Pod pod = Pods.pod("any", "any", Pods.container("app"));
    if (exits) {
      // Line 0 at the start, then one a second: the run ends after the last of them.
      pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", lines + "s");
    }
    return pod;
  }

  @Override
  protected void awaitLogReadingStopped() {
    Awaitility.await("the mock's log readers to stop")
        .atMost(timeout())
        .until(() -> provider.runningLogReaders() == 0);
  }

  @Override
  protected void passTime() {
    clock.advance(Duration.ofSeconds(1));
  }

  @Override
  protected Instant now() {
    return clock.instant();
  }
}
