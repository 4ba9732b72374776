package dev.vk.benchmarks.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.AciEmulatorOptions;
import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import org.junit.jupiter.api.Test;

class EmulatorWarmUpIT {

  @Test
  void theArmEmulatorAnswersTheTokenRequestsAndListsOfAStart() throws Exception {
    try (AciEmulator aci =
        AciEmulator.start(AciEmulatorOptions.defaults().withResourceGroups("rg"))) {
      assertThat(EmulatorWarmUp.aci(aci.providerSettings("rg"))).isEqualTo(80);
      assertThat(aci.calls().count("aad.token")).isEqualTo(EmulatorWarmUp.ROUNDS);
      assertThat(aci.calls().count("containerGroups.listByResourceGroup"))
          .isEqualTo(EmulatorWarmUp.ROUNDS);
    }
  }

  @Test
  void theEcsEmulatorAnswersTheListsOfAStart() {
    try (EcsEmulator ecs = EcsEmulator.start(EmulatorOptions.defaults())) {
      assertThat(EmulatorWarmUp.ecs(ecs.providerSettings())).isEqualTo(80);
      assertThat(ecs.calls().timeline()).hasSize(80);
    }
  }

  @Test
  void aBenchmarkCloudLeavesTheWarmUpOutOfItsCalls() {
    try (NodeCloud aci = AciNodeCloud.start();
        NodeCloud ecs = FargateNodeCloud.start()) {
      assertThat(aci.calls()).isEmpty();
      assertThat(ecs.calls()).isEmpty();
    }
  }
}
