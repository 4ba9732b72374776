package dev.vk.provider.aci.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AciStateTest {

  @Test
  void readsArmStatesInAnyCaseAndToleratesUnknownOnes() {
    assertThat(AciState.of("Running")).isEqualTo(AciState.RUNNING);
    assertThat(AciState.of("terminated")).isEqualTo(AciState.TERMINATED);
    assertThat(AciState.of("Repairing")).isEqualTo(AciState.UNKNOWN);
    assertThat(AciState.of(null)).isEqualTo(AciState.UNKNOWN);
  }

  @Test
  void onlyExitedStatesEndAContainer() {
    assertThat(AciState.of("Terminated").containerEnded()).isTrue();
    assertThat(AciState.of("Stopped").containerEnded()).isTrue();
    assertThat(AciState.of("Running").containerEnded()).isFalse();
    assertThat(AciState.of("Waiting").containerEnded()).isFalse();
  }
}
