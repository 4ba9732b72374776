package dev.vk.provider.fargate.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcsStatusTest {

  @Test
  void readsEcsNamesAndToleratesUnknownOnes() {
    assertThat(EcsStatus.of("RUNNING")).isEqualTo(EcsStatus.RUNNING);
    assertThat(EcsStatus.of("stopped")).isEqualTo(EcsStatus.STOPPED);
    assertThat(EcsStatus.of("HIBERNATING")).isEqualTo(EcsStatus.UNKNOWN);
    assertThat(EcsStatus.of(null)).isEqualTo(EcsStatus.UNKNOWN);
  }

  @Test
  void onlyTearDownStatesAreEnding() {
    assertThat(EcsStatus.of("DEACTIVATING").ending()).isTrue();
    assertThat(EcsStatus.of("STOPPED").ending()).isTrue();
    assertThat(EcsStatus.of("DELETED").ending()).isTrue();
    assertThat(EcsStatus.of("RUNNING").ending()).isFalse();
    assertThat(EcsStatus.of("PROVISIONING").ending()).isFalse();
    assertThat(EcsStatus.of("HIBERNATING").ending()).isFalse();
  }
}
