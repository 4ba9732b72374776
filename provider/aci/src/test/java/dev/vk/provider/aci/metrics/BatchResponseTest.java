package dev.vk.provider.aci.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatchResponseTest {

  private static final String ID =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/";

  @Test
  @DisplayName(
      "reads values[].value[].timeseries[] per container; points without an average and failed"
          + " metrics are left out")
  void readsDocumentedShape() {
    String json =
        """
        {"values":[{"starttime":"2026-01-01T00:00:00Z","endtime":"2026-01-01T00:03:00Z",
          "interval":"PT1M","namespace":"Microsoft.ContainerInstance/containerGroups",
          "resourceregion":"westeurope","resourceid":"%sweb-1",
          "value":[
           {"id":"x","type":"Microsoft.Insights/metrics","name":{"value":"CpuUsage","localizedValue":"CPU Usage"},
            "unit":"Count","errorCode":"Success","timeseries":[
             {"metadatavalues":[{"name":{"value":"containername","localizedValue":"containername"},"value":"app"}],
              "data":[{"timeStamp":"2026-01-01T00:00:00Z","average":120.5},
                      {"timeStamp":"2026-01-01T00:01:00Z"},
                      {"timeStamp":"2026-01-01T00:02:00Z","average":80}]}]},
           {"name":{"value":"MemoryUsage"},"unit":"Bytes","errorCode":"Success","timeseries":[
             {"metadatavalues":[{"name":{"value":"containerName"},"value":"app"}],
              "data":[{"timeStamp":"2026-01-01T00:02:00Z","average":7.0E7}]}]},
           {"name":{"value":"MemoryUsage"},"errorCode":"InternalError","timeseries":[
             {"metadatavalues":[{"name":{"value":"containername"},"value":"app"}],
              "data":[{"timeStamp":"2026-01-01T00:02:00Z","average":1}]}]}]}]}
        """
            .formatted(ID);
    List<MetricSample> samples = BatchResponse.parse(json);
    assertThat(samples)
        .containsExactly(
            new MetricSample(
                "web-1", "CpuUsage", "app", Instant.parse("2026-01-01T00:00:00Z"), 120.5),
            new MetricSample("web-1", "CpuUsage", "app", Instant.parse("2026-01-01T00:02:00Z"), 80),
            new MetricSample(
                "web-1", "MemoryUsage", "app", Instant.parse("2026-01-01T00:02:00Z"), 7.0E7));
  }

  @Test
  @DisplayName("an answer that is not the documented shape is an error, not an empty result")
  void refusesOtherShapes() {
    assertThatThrownBy(() -> BatchResponse.parse("{\"values\":{}}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchResponse.parse("<html>"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
