package dev.vk.provider.aci.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.aci.status.GroupCache;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsTargetsTest {

  private static final OffsetDateTime STARTED =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private static V1ContainerStatus running(String name) {
    return new V1ContainerStatus()
        .name(name)
        .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(STARTED)));
  }

  @Test
  @DisplayName(
      "each fetched group is a target with the containers its last status shows running and their"
          + " start times; terminated and waiting ones are not")
  void runningContainersOfFetchedGroups() {
    V1Pod pod =
        new V1Pod()
            .metadata(new V1ObjectMeta().namespace("shop").name("web-0"))
            .status(
                new V1PodStatus()
                    .containerStatuses(
                        List.of(
                            running("app"),
                            new V1ContainerStatus()
                                .name("init-done")
                                .state(
                                    new V1ContainerState()
                                        .terminated(new V1ContainerStateTerminated().exitCode(0))),
                            new V1ContainerStatus()
                                .name("waiting")
                                .state(new V1ContainerState()))));
    V1Pod pending = new V1Pod().metadata(new V1ObjectMeta().namespace("shop").name("web-1"));
    List<MetricsTarget> targets =
        MetricsTargets.from(
            Map.of(
                "shop-web-0-abc", new GroupCache.Entry(pod, "sig", Instant.EPOCH, Instant.EPOCH),
                "shop-web-1-def",
                    new GroupCache.Entry(pending, "sig", Instant.EPOCH, Instant.EPOCH)));
    assertThat(targets)
        .containsExactlyInAnyOrder(
            new MetricsTarget(
                "shop-web-0-abc",
                "shop",
                "web-0",
                List.of(new MetricsTarget.RunningContainer("app", STARTED.toInstant()))),
            new MetricsTarget("shop-web-1-def", "shop", "web-1", List.of()));
  }
}
