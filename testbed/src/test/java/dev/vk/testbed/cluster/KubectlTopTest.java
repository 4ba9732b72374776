package dev.vk.testbed.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KubectlTopTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void readsAPodRow() {
    String table =
        """
        NAME     CPU(cores)   MEMORY(bytes)
        other    3m           5Mi
        topped   10m          27Mi
        """;
    assertThat(KubectlTop.parse(table, "topped"))
        .hasValueSatisfying(
            u -> {
              assertThat(u.cpuMillicores()).isEqualTo(10);
              assertThat(u.memoryBytes()).isEqualTo(27 * MIB);
            });
  }

  @Test
  void readsANodeRowWithPercentagesAndWholeCores() {
    String table =
        """
        NAME         CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)
        vk-e2e-top   2            2%       1Gi             3%
        """;
    assertThat(KubectlTop.parse(table, "vk-e2e-top"))
        .hasValueSatisfying(
            u -> {
              assertThat(u.cpuMillicores()).isEqualTo(2000);
              assertThat(u.memoryBytes()).isEqualTo(1024 * MIB);
            });
  }

  @Test
  void aMissingOrUnknownRowIsNoUsage() {
    String table =
        """
        NAME         CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)
        vk-e2e-top   <unknown>    <unknown>   <unknown>       <unknown>
        """;
    assertThat(KubectlTop.parse(table, "vk-e2e-top")).isEmpty();
    assertThat(KubectlTop.parse(table, "other")).isEmpty();
    assertThat(KubectlTop.parse("", "other")).isEmpty();
  }

  @Test
  void somethingElseIsRefused() {
    assertThatThrownBy(() -> KubectlTop.parse("NAME READY\nx 1/1\n", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
