package dev.vk.podenv;

import static dev.vk.podenv.Fixtures.RUNTIME;
import static dev.vk.podenv.Fixtures.configMap;
import static dev.vk.podenv.Fixtures.configMapKey;
import static dev.vk.podenv.Fixtures.container;
import static dev.vk.podenv.Fixtures.env;
import static dev.vk.podenv.Fixtures.ephemeral;
import static dev.vk.podenv.Fixtures.fieldRef;
import static dev.vk.podenv.Fixtures.fromConfigMap;
import static dev.vk.podenv.Fixtures.literal;
import static dev.vk.podenv.Fixtures.pod;
import static dev.vk.podenv.Fixtures.port;
import static dev.vk.podenv.Fixtures.secretKey;
import static dev.vk.podenv.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1FileKeySelector;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole pods: every container kind, ordering, command/args expansion, the input left alone. */
class EnvironmentResolverTest {

  private final InMemoryObjectLookup lookup = new InMemoryObjectLookup();
  private final EnvironmentResolver resolver = new EnvironmentResolver(lookup);

  @Test
  void initRegularAndEphemeralContainersAreAllResolved() {
    lookup.put(configMap("cfg", Map.of("level", "debug")));
    V1Pod pod = pod(container("app", configMapKey("LEVEL", "cfg", "level", null)));
    pod.getSpec().initContainers(List.of(container("migrate", fieldRef("POD", "metadata.name"))));
    V1EphemeralContainer debug =
        ephemeral("debug", literal("WHO", "$(POD_NAME)"), fieldRef("POD_NAME", "metadata.name"));
    debug.envFrom(List.of(fromConfigMap("cfg", "CFG_", null)));
    pod.getSpec().ephemeralContainers(List.of(debug));

    Resolution r = resolver.resolve(pod, RUNTIME);

    assertThat(env(r, "migrate")).containsExactly(entry("POD", "web"));
    assertThat(env(r, "app")).containsExactly(entry("LEVEL", "debug"));
    // WHO is defined before POD_NAME, so its reference stays verbatim.
    assertThat(env(r, "debug"))
        .containsExactly(
            entry("CFG_level", "debug"), entry("WHO", "$(POD_NAME)"), entry("POD_NAME", "web"));
    assertThat(r.pod().getSpec().getEphemeralContainers().get(0).getEnvFrom()).isEmpty();
    assertThat(lookup.configMapLookups("shop", "cfg")).isEqualTo(1);
  }

  @Test
  void envValuesSeeOnlyEarlierVariablesAndTheLaterDefinitionReplacesInPlace() {
    V1Pod pod =
        pod(
            container(
                "app",
                literal("A", "one"),
                literal("B", "$(A)-$(C)"),
                literal("C", "three"),
                literal("A", "$(A)+again"),
                literal("EMPTY", null),
                literal("ESCAPED", "$$(A)")));

    assertThat(env(resolver.resolve(pod, RUNTIME), "app"))
        .containsExactly(
            entry("A", "one+again"),
            entry("B", "one-$(C)"),
            entry("C", "three"),
            entry("EMPTY", ""),
            entry("ESCAPED", "$(A)"));
  }

  @Test
  void valuesReadFromSourcesAreNotExpanded() {
    lookup.put(configMap("cfg", Map.of("tpl", "$(A)")));
    V1Pod pod = pod(container("app", literal("A", "x"), configMapKey("T", "cfg", "tpl", null)));

    assertThat(env(resolver.resolve(pod, RUNTIME), "app")).containsEntry("T", "$(A)");
  }

  @Test
  void commandAndArgsExpandWithTheFinalEnvironment() {
    lookup.put(service("shop", "db", "10.96.0.30", port("pg", 5432, "TCP")));
    V1Container c = container("app", literal("MODE", "serve"), fieldRef("POD", "metadata.name"));
    c.command(List.of("/bin/$(MODE)", "--pod=$(POD)"));
    c.args(List.of("--db=$(DB_SERVICE_HOST)", "$$(MODE)", "$(NOPE)", "cost=$$5"));

    V1Container out = resolver.resolve(pod(c), RUNTIME).pod().getSpec().getContainers().get(0);

    assertThat(out.getCommand()).containsExactly("/bin/serve", "--pod=web");
    assertThat(out.getArgs()).containsExactly("--db=10.96.0.30", "$(MODE)", "$(NOPE)", "cost=$5");
  }

  @Test
  void missingCommandAndArgsStayMissing() {
    V1Container out =
        resolver.resolve(pod(container("app")), RUNTIME).pod().getSpec().getContainers().get(0);

    assertThat(out.getCommand()).isNullOrEmpty();
    assertThat(out.getArgs()).isNullOrEmpty();
  }

  @Test
  void theInputPodIsNotModified() {
    lookup.put(configMap("cfg", Map.of("k", "v")));
    lookup.put(service("shop", "db", "10.96.0.30", port("pg", 5432, "TCP")));
    V1Container c =
        container("app", configMapKey("K", "cfg", "k", null), secretKey("S", "gone", "k", null));
    c.envFrom(List.of(fromConfigMap("cfg", "P_", null)));
    c.args(List.of("$(K)"));
    V1Pod pod = pod(c);
    pod.getSpec().ephemeralContainers(List.of(ephemeral("dbg", literal("X", "$(K)"))));
    String before = pod.toJson();

    Resolution r = resolver.resolve(pod, RUNTIME);

    assertThat(pod.toJson()).isEqualTo(before);
    assertThat(r.pod()).isNotSameAs(pod);
    assertThat(r.pod().getSpec().getContainers().get(0).getArgs()).containsExactly("v");
  }

  @Test
  void theCopyKeepsEverythingElseAndItsListsStayEditable() {
    V1Pod pod = pod(container("app", literal("A", "1")));
    pod.getMetadata().labels(Map.of("app", "shop"));

    V1Pod out = resolver.resolve(pod, RUNTIME).pod();
    out.getSpec().getContainers().get(0).addEnvItem(literal("EXTRA", "2"));

    assertThat(out.getMetadata().getLabels()).containsEntry("app", "shop");
    assertThat(out.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx");
    assertThat(out.getSpec().getNodeName()).isEqualTo("vk-node");
  }

  @Test
  void fileKeyRefCannotBeResolvedByAVirtualNode() {
    V1EnvVar fromFile =
        new V1EnvVar()
            .name("F")
            .valueFrom(
                new V1EnvVarSource()
                    .fileKeyRef(
                        new V1FileKeySelector().volumeName("cfg").path("app.env").key("F")));

    Resolution r = resolver.resolve(pod(container("app", fromFile)), RUNTIME);

    assertThat(r.failure())
        .contains("env var F of container app: fileKeyRef is not supported by this node");
  }

  @Test
  void aPodWithoutSpecIsReturnedAsIs() {
    V1Pod pod = new V1Pod().metadata(pod().getMetadata());

    Resolution r = resolver.resolve(pod, RUNTIME);

    assertThat(r.pod().getMetadata().getName()).isEqualTo("web");
    assertThat(r.canStart()).isTrue();
    assertThat(lookup.totalLookups()).isZero();
  }
}
