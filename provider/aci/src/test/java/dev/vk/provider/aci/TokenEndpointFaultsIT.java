package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.faults.FaultRule;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Entra ID token endpoint the node's client-secret credential uses, failing or slow. The
 * authority must be HTTPS (azure-identity refuses http), so the emulator's own endpoint is faulted
 * rather than a WireMock one. A 5xx from it is retried like ARM's own (before, MSAL's raw exception
 * became an INTERNAL error and the create failed); a slow answer only delays the create.
 */
class TokenEndpointFaultsIT {

  private static final String TOKEN = "aad.token";

  // More failures than one token acquisition's own retries (8 requests): only the node's retry of
  // the ARM call gets past them.
  private static final int BLIP = 10;

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();

  @Test
  @DisplayName("a token endpoint answering 503 for a while delays the create, which then succeeds")
  void serverErrorsAreRetried() throws Exception {
    aci.get().faults().inject(FaultRule.error(TOKEN, 503).forNextCalls(BLIP));
    AciProvider provider = Emulators.provider(aci);
    V1Pod pod = TestPods.sleeper();

    provider.createPod(pod);

    assertThat(provider.getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
        .isPresent();
    assertThat(aci.get().calls().count(TOKEN)).as("token requests").isGreaterThan(BLIP);
  }

  @Test
  @DisplayName("a slow token endpoint only delays the create")
  void slowTokenDelaysTheCreate() throws Exception {
    aci.get().faults().inject(FaultRule.latency(TOKEN, Duration.ofSeconds(2)));
    AciProvider provider = Emulators.provider(aci);
    V1Pod pod = TestPods.sleeper();

    provider.createPod(pod);

    assertThat(provider.getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName()))
        .isPresent();
  }
}
