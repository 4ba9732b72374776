package dev.vk.kubeletapi.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ResourceUsage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResourceMetricsRendererTest {
  private static final Instant T = Instant.ofEpochMilli(1_767_000_000_123L);

  @Test
  @DisplayName("renders the kubelet's names, sorted families and labels, with ms timestamps")
  void render() {
    ResourceUsage usage =
        new ResourceUsage(
            new ResourceUsage.Node(T, 12.5, 1_000_000),
            List.of(
                new ResourceUsage.Pod(
                    "default",
                    "web",
                    T,
                    0.25,
                    2048,
                    List.of(
                        new ResourceUsage.Container(
                            "nginx", Instant.ofEpochSecond(1_767_000_000L), T, 0.25, 2048)))));
    String text = ResourceMetricsRenderer.render(usage, false);
    assertThat(text)
        .isEqualTo(
            String.join(
                "\n",
                "# HELP container_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the container in core-seconds",
                "# TYPE container_cpu_usage_seconds_total counter",
                "container_cpu_usage_seconds_total{container=\"nginx\",namespace=\"default\",pod=\"web\"} 0.25 1767000000123",
                "# HELP container_memory_working_set_bytes [STABLE] Current working set of the container in bytes",
                "# TYPE container_memory_working_set_bytes gauge",
                "container_memory_working_set_bytes{container=\"nginx\",namespace=\"default\",pod=\"web\"} 2048 1767000000123",
                "# HELP container_start_time_seconds [STABLE] Start time of the container since unix epoch in seconds",
                "# TYPE container_start_time_seconds gauge",
                "container_start_time_seconds{container=\"nginx\",namespace=\"default\",pod=\"web\"} 1767000000",
                "# HELP node_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the node in core-seconds",
                "# TYPE node_cpu_usage_seconds_total counter",
                "node_cpu_usage_seconds_total 12.5 1767000000123",
                "# HELP node_memory_working_set_bytes [STABLE] Current working set of the node in bytes",
                "# TYPE node_memory_working_set_bytes gauge",
                "node_memory_working_set_bytes 1000000 1767000000123",
                "# HELP pod_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the pod in core-seconds",
                "# TYPE pod_cpu_usage_seconds_total counter",
                "pod_cpu_usage_seconds_total{namespace=\"default\",pod=\"web\"} 0.25 1767000000123",
                "# HELP pod_memory_working_set_bytes [STABLE] Current working set of the pod in bytes",
                "# TYPE pod_memory_working_set_bytes gauge",
                "pod_memory_working_set_bytes{namespace=\"default\",pod=\"web\"} 2048 1767000000123",
                "# HELP resource_scrape_error [STABLE] 1 if there was an error while getting container metrics, 0 otherwise",
                "# TYPE resource_scrape_error gauge",
                "resource_scrape_error 0",
                ""));
  }

  @Test
  @DisplayName("label values are escaped")
  void escaping() {
    ResourceUsage usage =
        new ResourceUsage(
            null, List.of(new ResourceUsage.Pod("n\"s", "p\\o\nd", T, 1, 1, List.of())));
    assertThat(ResourceMetricsRenderer.render(usage, false))
        .contains("{namespace=\"n\\\"s\",pod=\"p\\\\o\\nd\"}");
  }

  @Test
  @DisplayName("a failed collection answers resource_scrape_error 1 and nothing else")
  void scrapeError() {
    String text =
        ResourceMetricsRenderer.scrape(
            () -> {
              throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "stats down");
            });
    assertThat(text).contains("resource_scrape_error 1\n").doesNotContain("node_cpu");
  }

  @Test
  @DisplayName("numbers: integers plainly, fractions as doubles")
  void numbers() {
    assertThat(ResourceMetricsRenderer.number(3)).isEqualTo("3");
    assertThat(ResourceMetricsRenderer.number(0.5)).isEqualTo("0.5");
    assertThat(ResourceMetricsRenderer.number(1e20)).isEqualTo("1.0E20");
  }
}
