package dev.vk.podenv;

import static dev.vk.podenv.Fixtures.RUNTIME;
import static dev.vk.podenv.Fixtures.configMap;
import static dev.vk.podenv.Fixtures.configMapKey;
import static dev.vk.podenv.Fixtures.container;
import static dev.vk.podenv.Fixtures.env;
import static dev.vk.podenv.Fixtures.literal;
import static dev.vk.podenv.Fixtures.pod;
import static dev.vk.podenv.Fixtures.secret;
import static dev.vk.podenv.Fixtures.secretKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1EnvVar;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** configMapKeyRef and secretKeyRef: optional or mandatory, object or key missing, read errors. */
class KeyRefTest {

  enum Problem {
    OBJECT_MISSING,
    KEY_MISSING,
    READ_ERROR
  }

  private final InMemoryObjectLookup lookup = new InMemoryObjectLookup();
  private final EnvironmentResolver resolver = new EnvironmentResolver(lookup);

  static Stream<Arguments> problems() {
    return Stream.of(
        // kind, optional, problem, event reason, failure (null = pod may start)
        row("ConfigMap", true, Problem.OBJECT_MISSING, "OptionalConfigMapNotFound", null),
        row(
            "ConfigMap",
            false,
            Problem.OBJECT_MISSING,
            "MandatoryConfigMapNotFound",
            "configmap \"cfg\" not found"),
        row(
            "ConfigMap",
            null,
            Problem.OBJECT_MISSING,
            "MandatoryConfigMapNotFound",
            "configmap \"cfg\" not found"),
        row("ConfigMap", true, Problem.KEY_MISSING, "OptionalConfigMapKeyNotFound", null),
        row(
            "ConfigMap",
            false,
            Problem.KEY_MISSING,
            "MandatoryConfigMapKeyNotFound",
            "couldn't find key wanted in ConfigMap shop/cfg"),
        row(
            "ConfigMap",
            null,
            Problem.KEY_MISSING,
            "MandatoryConfigMapKeyNotFound",
            "couldn't find key wanted in ConfigMap shop/cfg"),
        row("ConfigMap", true, Problem.READ_ERROR, "FailedToReadOptionalConfigMap", null),
        row(
            "ConfigMap",
            false,
            Problem.READ_ERROR,
            "FailedToReadMandatoryConfigMap",
            "failed to read configmap \"cfg\": etcd timeout"),
        row("Secret", true, Problem.OBJECT_MISSING, "OptionalSecretNotFound", null),
        row(
            "Secret",
            false,
            Problem.OBJECT_MISSING,
            "MandatorySecretNotFound",
            "secret \"cfg\" not found"),
        row(
            "Secret",
            null,
            Problem.OBJECT_MISSING,
            "MandatorySecretNotFound",
            "secret \"cfg\" not found"),
        row("Secret", true, Problem.KEY_MISSING, "OptionalSecretKeyNotFound", null),
        row(
            "Secret",
            false,
            Problem.KEY_MISSING,
            "MandatorySecretKeyNotFound",
            "couldn't find key wanted in Secret shop/cfg"),
        row("Secret", true, Problem.READ_ERROR, "FailedToReadOptionalSecret", null),
        row(
            "Secret",
            false,
            Problem.READ_ERROR,
            "FailedToReadMandatorySecret",
            "failed to read secret \"cfg\": etcd timeout"));
  }

  private static Arguments row(
      String kind, Boolean optional, Problem problem, String reason, String failure) {
    return Arguments.of(kind, optional, problem, reason, failure);
  }

  @ParameterizedTest(name = "{0} optional={1} {2} -> {3}")
  @MethodSource("problems")
  void reportsAndSkips(
      String kind, Boolean optional, Problem problem, String reason, String failure) {
    boolean isSecret = kind.equals("Secret");
    switch (problem) {
      case KEY_MISSING -> {
        if (isSecret) {
          lookup.put(secret("cfg", Map.of("other", "x")));
        } else {
          lookup.put(configMap("cfg", Map.of("other", "x")));
        }
      }
      case READ_ERROR -> {
        if (isSecret) {
          lookup.failSecret("shop", "cfg", "etcd timeout");
        } else {
          lookup.failConfigMap("shop", "cfg", "etcd timeout");
        }
      }
      case OBJECT_MISSING -> {}
    }
    V1EnvVar ref =
        isSecret
            ? secretKey("FROM_REF", "cfg", "wanted", optional)
            : configMapKey("FROM_REF", "cfg", "wanted", optional);

    Resolution r = resolver.resolve(pod(container("app", ref, literal("AFTER", "ok"))), RUNTIME);

    assertThat(env(r, "app")).containsExactly(Map.entry("AFTER", "ok"));
    assertThat(r.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo("Warning");
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.message())
                  .contains(kind + " shop/cfg", "FROM_REF", "wanted", "container app");
            });
    assertThat(r.failure()).isEqualTo(Optional.ofNullable(failure));
  }

  @Test
  void resolvesPresentKeysAndDecodesSecretsAsUtf8() {
    lookup.put(configMap("cfg", Map.of("mode", "fast")));
    lookup.put(secret("pw", Map.of("password", "pässwörd ✓")));

    Resolution r =
        resolver.resolve(
            pod(
                container(
                    "app",
                    configMapKey("MODE", "cfg", "mode", null),
                    secretKey("PASSWORD", "pw", "password", true))),
            RUNTIME);

    assertThat(env(r, "app"))
        .containsExactly(Map.entry("MODE", "fast"), Map.entry("PASSWORD", "pässwörd ✓"));
    assertThat(r.events()).isEmpty();
  }

  @Test
  void binaryDataOfAConfigMapIsNotAnEnvironmentSource() {
    lookup.put(
        configMap("cfg", Map.of())
            .binaryData(Map.of("blob", "bytes".getBytes(StandardCharsets.UTF_8))));

    Resolution r =
        resolver.resolve(pod(container("app", configMapKey("B", "cfg", "blob", false))), RUNTIME);

    assertThat(env(r, "app")).isEmpty();
    assertThat(r.failure()).contains("couldn't find key blob in ConfigMap shop/cfg");
  }

  @Test
  void eachObjectIsLookedUpOncePerResolveEvenWhenMissingOrFailing() {
    lookup.put(configMap("cfg", Map.of("a", "1", "b", "2")));
    lookup.failSecret("shop", "broken", "boom");

    resolver.resolve(
        pod(
            container(
                "one",
                configMapKey("A", "cfg", "a", null),
                configMapKey("B", "cfg", "b", null),
                secretKey("S", "broken", "k", true),
                secretKey("M", "missing", "k", true)),
            container(
                "two",
                configMapKey("A", "cfg", "a", null),
                secretKey("S", "broken", "k", true),
                secretKey("M", "missing", "k", true))),
        RUNTIME);

    assertThat(lookup.configMapLookups("shop", "cfg")).isEqualTo(1);
    assertThat(lookup.secretLookups("shop", "broken")).isEqualTo(1);
    assertThat(lookup.secretLookups("shop", "missing")).isEqualTo(1);
  }

  @Test
  void everyMandatoryProblemIsReportedNotJustTheFirst() {
    Resolution r =
        resolver.resolve(
            pod(
                container(
                    "app",
                    configMapKey("A", "nocm", "k", null),
                    secretKey("B", "nosecret", "k", false))),
            RUNTIME);

    assertThat(r.failure()).contains("configmap \"nocm\" not found; secret \"nosecret\" not found");
    assertThat(r.events())
        .extracting(EnvEvent::reason)
        .containsExactly("MandatoryConfigMapNotFound", "MandatorySecretNotFound");
    assertThat(r.canStart()).isFalse();
  }

  @Test
  void aFailedObjectIsReadAgainOnTheNextResolve() {
    V1EnvVar ref = configMapKey("A", "cfg", "a", null);
    lookup.failConfigMap("shop", "cfg", "boom");
    assertThat(resolver.resolve(pod(container("app", ref)), RUNTIME).canStart()).isFalse();

    lookup.clearFailures();
    lookup.put(configMap("cfg", Map.of("a", "1")));
    Resolution retried = resolver.resolve(pod(container("app", ref)), RUNTIME);

    assertThat(retried.canStart()).isTrue();
    assertThat(env(retried, "app")).containsExactly(Map.entry("A", "1"));
  }
}
