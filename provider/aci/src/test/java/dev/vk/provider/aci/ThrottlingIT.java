package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.faults.FaultRule;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Under injected 429s and 503s every create converges and no retry comes before Retry-After. */
class ThrottlingIT {

  private AciEmulator aci;
  private AciProvider provider;

  @BeforeEach
  void start() throws Exception {
    aci = Emulators.start();
    provider = Emulators.provider(aci);
  }

  @AfterEach
  void stop() {
    provider.close();
    aci.close();
  }

  @Test
  void createsConvergeUnderThrottlingAndServerErrors() throws Exception {
    aci.faults()
        .inject(FaultRule.throttle(FaultRule.ANY, Duration.ofSeconds(1)).forPercentOfCalls(10));
    aci.faults().inject(FaultRule.error(FaultRule.ANY, 503).forPercentOfCalls(10));
    List<V1Pod> pods = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      V1Pod pod = TestPods.sleeper();
      pods.add(pod);
      provider.createPod(pod);
    }

    aci.faults().clear();
    for (V1Pod pod : pods) {
      assertThat(provider.getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
          .as("group of %s", pod.getMetadata().getName())
          .hasValueSatisfying(
              p -> assertThat(p.getMetadata().getUid()).isEqualTo(pod.getMetadata().getUid()));
    }
    assertThat(aci.calls().timeline().stream().filter(c -> c.injected()).count())
        .as("faults were injected")
        .isPositive();
    assertThat(aci.calls().retryAfterViolations()).isEmpty();
  }
}
