package dev.vk.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ResourceUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatsSummaryJsonTest {
  @Test
  @DisplayName(
      "the summary names the node, each pod with its UID, and each container's cpu and memory")
  @SuppressWarnings("unchecked")
  void shape() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Instant now = start.plusSeconds(100);
    ResourceUsage usage =
        new ResourceUsage(
            new ResourceUsage.Node(now, 2.0, 40L << 20),
            List.of(
                new ResourceUsage.Pod(
                    "default",
                    "web",
                    now,
                    1.0,
                    20L << 20,
                    List.of(new ResourceUsage.Container("app", start, now, 1.0, 20L << 20)))));
    Map<String, Object> summary =
        StatsSummaryJson.render("vk-1", usage, (ns, name) -> "uid-" + name);
    assertThat((Map<String, Object>) summary.get("node")).containsEntry("nodeName", "vk-1");
    Map<String, Object> pod = ((List<Map<String, Object>>) summary.get("pods")).get(0);
    assertThat((Map<String, Object>) pod.get("podRef"))
        .containsEntry("name", "web")
        .containsEntry("namespace", "default")
        .containsEntry("uid", "uid-web");
    Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    Map<String, Object> cpu = (Map<String, Object>) container.get("cpu");
    assertThat(cpu).containsEntry("usageCoreNanoSeconds", 1_000_000_000L);
    assertThat(cpu)
        .as("1 core-second over 100 s is 10 millicores")
        .containsEntry("usageNanoCores", 10_000_000L);
    assertThat((Map<String, Object>) container.get("memory"))
        .containsEntry("workingSetBytes", 20L << 20);
  }

  @Test
  @DisplayName("an unknown node usage leaves out the node's cpu and memory, not the document")
  @SuppressWarnings("unchecked")
  void unknownNode() {
    Map<String, Object> summary =
        StatsSummaryJson.render("vk-1", new ResourceUsage(null, List.of()), (ns, name) -> "");
    assertThat((Map<String, Object>) summary.get("node"))
        .containsEntry("nodeName", "vk-1")
        .doesNotContainKeys("cpu", "memory");
    assertThat((List<Object>) summary.get("pods")).isEmpty();
  }
}
