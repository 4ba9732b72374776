package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.faults.FaultRule;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Under injected 429s and 503s every create converges and no retry comes before Retry-After. */
class ThrottlingIT {

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();
  private AciProvider provider;

  @BeforeEach
  void start() throws Exception {
    provider = Emulators.provider(aci);
  }

  @Test
  void createsConvergeUnderThrottlingAndServerErrors() throws Exception {
    aci.get()
        .faults()
        .inject(FaultRule.throttle(FaultRule.ANY, Duration.ofSeconds(1)).forPercentOfCalls(10));
    aci.get().faults().inject(FaultRule.error(FaultRule.ANY, 503).forPercentOfCalls(10));
    List<V1Pod> pods = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      V1Pod pod = TestPods.sleeper();
      pods.add(pod);
      provider.createPod(pod);
    }

    aci.get().faults().clear();
    for (V1Pod pod : pods) {
      assertThat(provider.getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
          .as("group of %s", pod.getMetadata().getName())
          .hasValueSatisfying(
              p -> assertThat(p.getMetadata().getUid()).isEqualTo(pod.getMetadata().getUid()));
    }
    assertThat(aci.get().calls().timeline().stream().filter(c -> c.injected()).count())
        .as("faults were injected")
        .isPositive();
    assertThat(aci.get().calls().retryAfterViolations()).isEmpty();
  }
}
