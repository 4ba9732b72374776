package dev.vk.provider.fargate.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

class PodRegistryTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final PodRegistry registry = new PodRegistry();

  private static PodRecord record(String name, String uid) {
    return new PodRecord(
        new V1Pod()
            .metadata(new V1ObjectMeta().namespace("ns").name(name).uid(uid))
            .spec(
                new V1PodSpec()
                    .restartPolicy("Always")
                    .containers(List.of(new V1Container().name("app").image("busybox")))),
        0);
  }

  private static Task task(String arn) {
    return Task.builder()
        .taskArn(arn)
        .version(1L)
        .lastStatus("RUNNING")
        .desiredStatus("RUNNING")
        .build();
  }

  @Test
  void findsRecordsByUidNameAndTask() {
    PodRecord web = registry.putIfAbsent(record("web", "u1"));
    registry.putIfAbsent(record("db", "u2"));
    web.apply(task("arn:t1"), NOW);

    assertThat(registry.byUid("u1")).containsSame(web);
    assertThat(registry.byName("ns", "web")).containsSame(web);
    assertThat(registry.byName("other", "web")).isEmpty();
    assertThat(registry.byTask("arn:t1")).containsSame(web);
    assertThat(registry.knowsTask("arn:t1")).isTrue();
    assertThat(registry.knowsTask("arn:foreign")).isFalse();
  }

  @Test
  void taskIndexFollowsReplacementAndRemoval() {
    PodRecord web = registry.putIfAbsent(record("web", "u1"));
    web.apply(task("arn:t1"), NOW);

    web.replaced(task("arn:t2"));

    assertThat(registry.knowsTask("arn:t1")).isFalse();
    assertThat(registry.byTask("arn:t2")).containsSame(web);

    registry.remove(web);

    assertThat(registry.knowsTask("arn:t2")).isFalse();
    assertThat(registry.byName("ns", "web")).isEmpty();
    assertThat(registry.byUid("u1")).isEmpty();
  }

  @Test
  void recordWithTaskBeforeRegistrationIsIndexed() {
    PodRecord adopted = record("web", "u1");
    adopted.apply(task("arn:t1"), NOW);

    registry.putIfAbsent(adopted);

    assertThat(registry.byTask("arn:t1")).containsSame(adopted);
  }

  @Test
  void nameLookupPrefersTheRecordNotBeingDeleted() {
    PodRecord old = registry.putIfAbsent(record("web", "u1"));
    old.markDeleting();
    PodRecord successor = registry.putIfAbsent(record("web", "u2"));

    assertThat(registry.byName("ns", "web")).containsSame(successor);

    registry.remove(successor);

    assertThat(registry.byName("ns", "web")).containsSame(old);
  }

  @Test
  void secondRecordWithSameUidIsNotRegistered() {
    PodRecord first = registry.putIfAbsent(record("web", "u1"));
    PodRecord second = record("web", "u1");
    second.apply(task("arn:t9"), NOW);

    assertThat(registry.putIfAbsent(second)).isSameAs(first);
    assertThat(registry.knowsTask("arn:t9")).isFalse();
  }
}
