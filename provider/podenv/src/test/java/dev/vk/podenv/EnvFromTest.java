package dev.vk.podenv;

import static dev.vk.podenv.Fixtures.NS;
import static dev.vk.podenv.Fixtures.RUNTIME;
import static dev.vk.podenv.Fixtures.configMap;
import static dev.vk.podenv.Fixtures.container;
import static dev.vk.podenv.Fixtures.env;
import static dev.vk.podenv.Fixtures.fromConfigMap;
import static dev.vk.podenv.Fixtures.fromSecret;
import static dev.vk.podenv.Fixtures.literal;
import static dev.vk.podenv.Fixtures.pod;
import static dev.vk.podenv.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvFromTest {

  private final InMemoryObjectLookup lookup = new InMemoryObjectLookup();
  private final EnvironmentResolver resolver = new EnvironmentResolver(lookup);

  @Test
  void sourcesApplyInOrderAndEnvWinsKeepingFirstPosition() {
    lookup.put(configMap("base", Map.of("A", "cm-a", "B", "cm-b")));
    lookup.put(secret("creds", Map.of("B", "secret-b", "C", "secret-c")));
    V1Container c = container("app", literal("A", "env-a"), literal("D", "env-d"));
    c.envFrom(List.of(fromConfigMap("base", null, null), fromSecret("creds", null, false)));

    Resolution r = resolver.resolve(pod(c), RUNTIME);

    assertThat(env(r, "app"))
        .containsExactly(
            Map.entry("A", "env-a"),
            Map.entry("B", "secret-b"),
            Map.entry("C", "secret-c"),
            Map.entry("D", "env-d"));
    assertThat(r.pod().getSpec().getContainers().get(0).getEnvFrom()).isEmpty();
    assertThat(r.events()).isEmpty();
    assertThat(r.canStart()).isTrue();
  }

  @Test
  void prefixIsPrependedToEveryKey() {
    lookup.put(configMap("db", Map.of("HOST", "pg", "PORT", "5432")));
    V1Container c = container("app");
    c.envFrom(List.of(fromConfigMap("db", "DB_", null)));

    assertThat(env(resolver.resolve(pod(c), RUNTIME), "app"))
        .containsExactly(Map.entry("DB_HOST", "pg"), Map.entry("DB_PORT", "5432"));
  }

  @Test
  void invalidNamesAreSkippedWithOneEventPerSource() {
    lookup.put(configMap("mixed", Map.of("GOOD", "1", "2BAD", "x", "also bad", "y")));
    lookup.put(secret("s", Map.of("1X", "z")));
    V1Container c = container("app");
    c.envFrom(List.of(fromConfigMap("mixed", null, null), fromSecret("s", null, null)));

    Resolution r = resolver.resolve(pod(c), RUNTIME);

    assertThat(env(r, "app")).containsExactly(Map.entry("GOOD", "1"));
    assertThat(r.events())
        .containsExactly(
            EnvEvent.warning(
                "InvalidEnvironmentVariableNames",
                "Keys [2BAD, also bad] from the EnvFrom configMap shop/mixed were skipped since"
                    + " they are considered invalid environment variable names."),
            EnvEvent.warning(
                "InvalidEnvironmentVariableNames",
                "Keys [1X] from the EnvFrom secret shop/s were skipped since they are considered"
                    + " invalid environment variable names."));
    assertThat(r.canStart()).isTrue();
  }

  @ParameterizedTest(name = "prefix \"{0}\" + key \"{1}\" accepted: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|A|true",
        "''|_under|true",
        "''|my.env-name|true",
        "''|MY_ENV.NAME|true",
        "''|MyEnvName1|true",
        "''|-dash|true",
        "''|.hidden|true",
        "''|1ABC|false",
        "''|.|false",
        "''|..|false",
        "''|..x|false",
        "''|a=b|false",
        "''|ümlaut|false",
        "P_|1ABC|true",
        "1_|ABC|false"
      })
  void nameValidityFollowsTheKubeletRule(String prefix, String key, boolean accepted) {
    lookup.put(configMap("cm", Map.of(key, "v")));
    V1Container c = container("app");
    c.envFrom(List.of(fromConfigMap("cm", prefix, null)));

    Resolution r = resolver.resolve(pod(c), RUNTIME);

    assertThat(env(r, "app").containsKey(prefix + key)).isEqualTo(accepted);
    assertThat(r.events()).hasSize(accepted ? 0 : 1);
  }

  @Test
  void optionalMissingSourceIsSkippedAndTheRestResolved() {
    lookup.put(configMap("present", Map.of("X", "1")));
    V1Container c = container("app", literal("Y", "2"));
    c.envFrom(List.of(fromConfigMap("absent", null, true), fromConfigMap("present", null, null)));

    Resolution r = resolver.resolve(pod(c), RUNTIME);

    assertThat(env(r, "app")).containsExactly(Map.entry("X", "1"), Map.entry("Y", "2"));
    assertThat(r.events())
        .containsExactly(
            EnvEvent.warning(
                "OptionalConfigMapNotFound",
                "ConfigMap "
                    + NS
                    + "/absent not found; skipped optional envFrom of container app"));
    assertThat(r.canStart()).isTrue();
  }

  @Test
  void mandatoryMissingSourceFailsThePod() {
    V1Container c = container("app", literal("Y", "2"));
    c.envFrom(List.of(fromSecret("absent", null, null)));

    Resolution r = resolver.resolve(pod(c), RUNTIME);

    assertThat(r.failure()).contains("secret \"absent\" not found");
    assertThat(r.events())
        .containsExactly(
            EnvEvent.warning(
                "MandatorySecretNotFound",
                "Secret shop/absent not found; required by envFrom of container app"));
    assertThat(env(r, "app")).containsExactly(Map.entry("Y", "2"));
  }
}
