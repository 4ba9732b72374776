package dev.vk.node.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheTrimTest {
  @Test
  void dropsManagedFieldsAndKeepsWhatTheNodeReads() throws Exception {
    V1Pod pod =
        new V1Pod()
            .metadata(
                new V1ObjectMeta()
                    .name("p")
                    .namespace("ns")
                    .uid("u1")
                    .labels(Map.of("app", "a"))
                    .managedFields(List.of(new V1ManagedFieldsEntry().manager("kubectl"))));

    V1Pod trimmed = (V1Pod) CacheTrim.MANAGED_FIELDS.transform(pod);

    assertThat(trimmed.getMetadata().getManagedFields()).isNull();
    assertThat(trimmed.getMetadata().getUid()).isEqualTo("u1");
    assertThat(trimmed.getMetadata().getLabels()).containsEntry("app", "a");
    assertThat(CacheTrim.MANAGED_FIELDS.transform(new V1Pod())).isNotNull();
  }
}
