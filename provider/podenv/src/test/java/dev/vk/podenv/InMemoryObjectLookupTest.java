package dev.vk.podenv;

import static dev.vk.podenv.Fixtures.configMap;
import static dev.vk.podenv.Fixtures.port;
import static dev.vk.podenv.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryObjectLookupTest {

  private final InMemoryObjectLookup lookup = new InMemoryObjectLookup();

  @Test
  void storesReadsAndDeletesObjects() throws LookupException {
    lookup.put(configMap("cfg", Map.of("a", "1")));

    assertThat(lookup.configMap("shop", "cfg"))
        .get()
        .extracting(c -> c.getData().get("a"))
        .isEqualTo("1");
    assertThat(lookup.configMap("other", "cfg")).isEmpty();

    lookup.deleteConfigMap("shop", "cfg");
    assertThat(lookup.configMap("shop", "cfg")).isEmpty();
  }

  @Test
  void secretStringDataIsMergedIntoDataLikeTheApiServerDoes() throws LookupException {
    V1Secret written =
        new V1Secret()
            .metadata(new V1ObjectMeta().name("s"))
            .data(Map.of("a", "old".getBytes(StandardCharsets.UTF_8)))
            .stringData(Map.of("a", "new", "b", "two"));

    lookup.put(written);

    V1Secret read = lookup.secret("default", "s").orElseThrow();
    assertThat(read.getStringData()).isNull();
    assertThat(read.getData()).containsOnlyKeys("a", "b");
    assertThat(new String(read.getData().get("a"), StandardCharsets.UTF_8)).isEqualTo("new");
    assertThat(written.getStringData()).containsKey("b");
  }

  @Test
  void servicesAreListedPerNamespace() throws LookupException {
    lookup.put(service("shop", "db", "10.0.0.1", port("pg", 5432, "TCP")));
    lookup.put(service("shop", "cache", "10.0.0.2", port("r", 6379, "TCP")));
    lookup.put(service("shopping", "x", "10.0.0.3", port("r", 1, "TCP")));

    assertThat(lookup.services("shop"))
        .extracting(V1Service::getMetadata)
        .extracting(V1ObjectMeta::getName)
        .containsExactly("db", "cache");
    lookup.deleteService("shop", "db");
    assertThat(lookup.services("shop")).hasSize(1);
  }

  @Test
  void injectedFailuresLastUntilClearedAndEveryReadIsCounted() throws LookupException {
    lookup.failConfigMap("shop", "cfg", "boom");
    lookup.failSecret("shop", "s", "denied");
    lookup.failServices("shop", "down");

    assertThatThrownBy(() -> lookup.configMap("shop", "cfg"))
        .isInstanceOf(LookupException.class)
        .hasMessage("boom");
    assertThatThrownBy(() -> lookup.configMap("shop", "cfg")).hasMessage("boom");
    assertThatThrownBy(() -> lookup.secret("shop", "s")).hasMessage("denied");
    assertThatThrownBy(() -> lookup.services("shop")).hasMessage("down");

    lookup.clearFailures();
    assertThat(lookup.configMap("shop", "cfg")).isEmpty();
    assertThat(lookup.configMapLookups("shop", "cfg")).isEqualTo(3);
    assertThat(lookup.secretLookups("shop", "s")).isEqualTo(1);
    assertThat(lookup.serviceLookups("shop")).isEqualTo(1);
    assertThat(lookup.totalLookups()).isEqualTo(5);
  }
}
