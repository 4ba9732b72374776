package dev.vk.provider.fargate.it;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.testkit.AbstractProviderContractTest;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider contract, run against the in-JVM ECS emulator. */
class FargateProviderContractIT extends AbstractProviderContractTest {
  @RegisterExtension
  static final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();

  @Override
  protected PodLifecycle createProvider() {
    return EmulatedFargate.provider(emulator, "vk-contract", EmulatedFargate.settings(emulator));
  }

  @Override
  protected V1Pod podThatExits(int exitCode) {
    return Pods.pod(
        "any", "any", Pods.container("app").command(List.of("sh", "-c", "exit " + exitCode)));
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(20);
  }
}
