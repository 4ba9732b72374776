package dev.vk.provider.aci;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.testkit.AbstractProviderContractTest;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The azure provider passes the shared provider contract against the ACI emulator. */
class AciProviderContractIT extends AbstractProviderContractTest {

  @RegisterExtension static final EmulatorExtension<AciEmulator> aci = Emulators.extension();

  @Override
  protected PodLifecycle createProvider() throws Exception {
    return Emulators.provider(aci);
  }

  @Override
  protected V1Pod podThatExits(int exitCode) {
    return Pods.pod(
        "any", "any", Pods.container("main").command(List.of("sh", "-c", "exit " + exitCode)));
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(20);
  }

  @Override
  protected Duration pollInterval() {
    return Duration.ofMillis(200);
  }
}
