package dev.vk.provider.fargate.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Volume;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeptPodTest {
  private static V1Pod resolved() {
    Map<String, String> annotations = new HashMap<>();
    annotations.put("team", "web");
    return new V1Pod()
        .metadata(
            new V1ObjectMeta()
                .namespace("default")
                .name("web-1")
                .uid("u-1")
                .resourceVersion("42")
                .labels(Map.of("app", "web"))
                .annotations(annotations))
        .spec(
            new V1PodSpec()
                .nodeName("vk")
                .restartPolicy("OnFailure")
                .addInitContainersItem(new V1Container().name("init").image("busybox"))
                .addContainersItem(
                    new V1Container()
                        .name("app")
                        .image("nginx:1.27")
                        .env(
                            List.of(
                                new V1EnvVar().name("KUBERNETES_SERVICE_HOST").value("10.0.0.1"))))
                .addVolumesItem(new V1Volume().name("kube-api-access")))
        .status(new V1PodStatus().phase("Pending"));
  }

  @Test
  void keepsWhatTheProviderAndTheNodeReadAndNoneOfTheRest() {
    V1Pod kept = KeptPod.of(resolved()).pod();

    assertThat(kept.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(kept.getMetadata().getName()).isEqualTo("web-1");
    assertThat(kept.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(kept.getMetadata().getLabels()).containsExactly(Map.entry("app", "web"));
    assertThat(kept.getMetadata().getAnnotations()).containsExactly(Map.entry("team", "web"));
    assertThat(kept.getSpec().getNodeName()).isEqualTo("vk");
    assertThat(kept.getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    assertThat(kept.getSpec().getContainers())
        .containsExactly(new V1Container().name("app").image("nginx:1.27"));
    assertThat(kept.getSpec().getInitContainers())
        .containsExactly(new V1Container().name("init").image("busybox"));
    // Went into the task definition: not held for as long as the task runs.
    assertThat(kept.getSpec().getVolumes()).isEmpty();
    assertThat(kept.getMetadata().getResourceVersion()).isNull();
    assertThat(kept.getStatus()).isNull();
  }

  @Test
  void aRecordShowsTheKeptPodWithItsTaskStatusAndTakesANewerPodOnUpdate() {
    PodRecord record = new PodRecord(resolved(), 0);
    V1Pod updated = resolved();
    updated.getMetadata().setLabels(Map.of("app", "web", "tier", "front"));

    record.replacePod(updated);
    V1Pod shown = record.snapshot(Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(shown.getMetadata().getLabels()).containsEntry("tier", "front");
    assertThat(shown.getSpec().getContainers())
        .extracting(V1Container::getEnv)
        .containsExactly(List.of());
    assertThat(shown.getStatus()).isNotNull();
    assertThat(record.pod()).isNotSameAs(record.pod()); // built per call: nothing shares it
  }

  @Test
  void aHandBuiltPodWithNullLabelValuesIsKept() {
    Map<String, String> labels = new HashMap<>();
    labels.put("empty", null);
    V1Pod pod =
        new V1Pod()
            .metadata(new V1ObjectMeta().namespace("default").name("p").uid("u").labels(labels))
            .spec(new V1PodSpec().addContainersItem(new V1Container().name("app")));

    V1Pod kept = KeptPod.of(pod).pod();

    assertThat(kept.getMetadata().getLabels()).containsEntry("empty", null);
    assertThat(kept.getMetadata().getAnnotations()).isNull();
    assertThat(kept.getSpec().getInitContainers()).isNull();
  }
}
