package dev.vk.benchmarks.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NodeReportTest {
  private static final Pattern RESULT = Pattern.compile("\\| (missed by [^|]*) \\|\\n");

  private static NodeRun.Result run(String node, int pods, Map<String, Integer> createCalls) {
    return new NodeRun.Result(
        node,
        pods,
        0.5,
        10,
        10,
        0.1,
        0.1,
        0.2,
        100,
        120,
        130,
        0.9,
        0,
        1,
        1,
        0,
        null,
        0,
        createCalls,
        createCalls,
        null,
        null,
        null,
        null);
  }

  @Test
  void everyMissedTargetOfTheRecordedRunsSaysWhy() throws Exception {
    List<NodeRun.Result> recorded = NodeBenchmark.load(Path.of("results/node-runs.json"));
    String section = NodeReport.render(recorded, "make bench-node", "machine");

    Matcher misses = RESULT.matcher(section);
    int count = 0;
    while (misses.find()) {
      count++;
      assertThat(misses.group(1)).as("a missed row says why").matches("missed by .+ \\(.+\\)");
    }
    assertThat(count).as("the recorded runs miss some targets").isPositive();
  }

  @Test
  void theEventsOfAJavaNodeAreCountedAgainstGosFromTheAuditLog() {
    NodeRun.Result java = run("java", 100, Map.of("create events", 100, "patch pods/status", 100));
    NodeRun.Result go =
        run("go", 100, Map.of("create events", 13, "update pods/status", 100, "update leases", 2));

    String verdict =
        MissReasons.add("missed by 1.72x", MissReasons.EVENTS, List.of(java), List.of(go));

    assertThat(verdict)
        .startsWith("missed by 1.72x (events: 1 a created pod, Go 0.130,")
        .endsWith("the rest 1 against 1.02)");
  }

  @Test
  void aCloudNodesWritesAreShownByKindBesideTheMockNodes() {
    NodeRun.Result aci =
        run(
            "aci",
            1000,
            Map.of(
                "create events",
                4000,
                "create serviceaccounts/token",
                1000,
                "patch pods/status",
                1000,
                "list configmaps",
                1));
    NodeRun.Result mock =
        run("java", 1000, Map.of("create events", 1000, "patch pods/status", 1000));

    assertThat(
            MissReasons.add("missed by 3.01x", MissReasons.API_WRITES, List.of(aci), List.of(mock)))
        .isEqualTo(
            "missed by 3.01x (a created pod's events 4, TokenRequests 1, status writes 1; mock"
                + " Java: events 1, status writes 1)");
  }

  @Test
  void aMetTargetOrOneThatSaysWhyAlreadyIsLeftAsItIs() {
    List<NodeRun.Result> none = List.of();

    assertThat(MissReasons.add("met", MissReasons.WARM_UP, none, none)).isEqualTo("met");
    assertThat(MissReasons.add("missed by 2x (the rate)", MissReasons.WARM_UP, none, none))
        .isEqualTo("missed by 2x (the rate)");
  }
}
