package dev.vk.provider.aci;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.testkit.AbstractProviderContractTest;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The azure provider passes the shared provider contract against the ACI emulator. */
class AciProviderContractIT extends AbstractProviderContractTest {

  private static AciEmulator aci;

  @BeforeAll
  static void startEmulator() throws Exception {
    aci = Emulators.start();
  }

  @AfterAll
  static void stopEmulator() {
    aci.close();
  }

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
