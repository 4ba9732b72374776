package dev.vk.provider.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsServerDecodeTest {
  private static String text(String webCpu, String dbMemory, long time) {
    return String.join(
        "\n",
        "# TYPE container_cpu_usage_seconds_total counter",
        "container_cpu_usage_seconds_total{container=\"app\",namespace=\"ns\",pod=\"web\"} "
            + webCpu
            + " "
            + time,
        "container_cpu_usage_seconds_total{container=\"db\",namespace=\"ns\",pod=\"db\"} 2 " + time,
        "container_memory_working_set_bytes{container=\"app\",namespace=\"ns\",pod=\"web\"} 1024 "
            + time,
        "container_memory_working_set_bytes{container=\"db\",namespace=\"ns\",pod=\"db\"} "
            + dbMemory
            + " "
            + time,
        "container_start_time_seconds{container=\"app\",namespace=\"ns\",pod=\"web\"} 1767000000",
        "node_cpu_usage_seconds_total 12.5 " + time,
        "node_memory_working_set_bytes 4096 " + time,
        "resource_scrape_error 0",
        "");
  }

  @Test
  @DisplayName("reads node and containers with their timestamps and start times")
  void decode() {
    MetricsServerDecode.Batch batch =
        MetricsServerDecode.decode(text("1.5", "2048", 1_767_000_000_123L));
    assertThat(batch.node().cumulativeCpuNanos()).isEqualTo(12_500_000_000L);
    assertThat(batch.node().time()).isEqualTo(Instant.ofEpochMilli(1_767_000_000_123L));
    MetricsServerDecode.Point app = batch.pods().get("ns/web").get("app");
    assertThat(app.cumulativeCpuNanos()).isEqualTo(1_500_000_000L);
    assertThat(app.memoryBytes()).isEqualTo(1024);
    assertThat(app.startTime()).isEqualTo(Instant.ofEpochSecond(1_767_000_000L));
    assertThat(batch.pods().get("ns/db").get("db").startTime()).isNull();
  }

  @Test
  @DisplayName("a pod with a zero container is dropped, as metrics-server drops it")
  void zeroDropsPod() {
    MetricsServerDecode.Batch batch = MetricsServerDecode.decode(text("0", "0", 1_000L));
    assertThat(batch.pods()).isEmpty();
  }

  @Test
  @DisplayName("the rate between two scrapes; a counter going down is refused")
  void cores() {
    MetricsServerDecode.Point a =
        MetricsServerDecode.decode(text("1", "1", 10_000L)).pods().get("ns/web").get("app");
    MetricsServerDecode.Point b =
        MetricsServerDecode.decode(text("1.5", "1", 12_000L)).pods().get("ns/web").get("app");
    assertThat(MetricsServerDecode.cores(a, b)).isCloseTo(0.25, within(1e-9));
    assertThatThrownBy(() -> MetricsServerDecode.cores(b, a))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a usage sample without a timestamp is refused")
  void timestampRequired() {
    assertThatThrownBy(() -> MetricsServerDecode.decode("node_cpu_usage_seconds_total 1\n"))
        .hasMessageContaining("timestamp");
  }
}
