package dev.vk.node.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.V1StatusDetails;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamingJsonTest {
  private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-04T07:05:09Z");
  private final Gson client = JSON.getGson();
  private final Gson streaming = StreamingJson.gson();

  @Test
  void writesAndReadsAPodAsTheClientDoes() {
    V1Pod pod = pod();
    String written = client.toJson(pod);
    assertThat(tree(streaming.toJson(pod))).isEqualTo(tree(written));
    assertThat(streaming.fromJson(written, V1Pod.class))
        .isEqualTo(client.fromJson(written, V1Pod.class));
  }

  @Test
  void keepsQuantitiesIntOrStringsAndTimes() {
    V1Pod read = streaming.fromJson(client.toJson(pod()), V1Pod.class);
    V1Container c = read.getSpec().getContainers().get(0);
    assertThat(c.getResources().getLimits().get("memory")).isEqualTo(Quantity.fromString("64Mi"));
    assertThat(c.getLivenessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
    assertThat(c.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(read.getStatus().getStartTime()).isEqualTo(T);
    assertThat(read.getMetadata().getCreationTimestamp()).isEqualTo(T);
  }

  @Test
  void podsReadApartHoldTheirRepeatedStringsAndTimesOnce() {
    String json = client.toJson(pod());
    V1Pod first = streaming.fromJson(json, V1Pod.class);
    V1Pod second = streaming.fromJson(json, V1Pod.class);
    assertThat(second.getMetadata().getNamespace()).isSameAs(first.getMetadata().getNamespace());
    assertThat(second.getSpec().getContainers().get(0).getImage())
        .isSameAs(first.getSpec().getContainers().get(0).getImage());
    assertThat(second.getMetadata().getLabels().keySet().iterator().next())
        .isSameAs(first.getMetadata().getLabels().keySet().iterator().next());
    assertThat(second.getStatus().getStartTime()).isSameAs(first.getStatus().getStartTime());
    assertThat(second).isEqualTo(first);
  }

  @Test
  void dropsManagedFieldsLikeTheClient() {
    V1Pod pod = pod();
    pod.getMetadata().managedFields(List.of(new V1ManagedFieldsEntry().manager("kubectl")));
    String json =
        client
            .toJson(pod)
            .replace(
                "\"metadata\":{", "\"metadata\":{\"managedFields\":[{\"manager\":\"kubectl\"}],");
    assertThat(streaming.fromJson(json, V1Pod.class).getMetadata().getManagedFields())
        .isNullOrEmpty();
    assertThat(client.fromJson(json, V1Pod.class).getMetadata().getManagedFields()).isNullOrEmpty();
  }

  @Test
  void readsSecretBytesEventsAndStatuses() {
    V1Secret secret =
        new V1Secret()
            .metadata(new V1ObjectMeta().name("s"))
            .data(Map.of("token", "sécret".getBytes(StandardCharsets.UTF_8)));
    String json = client.toJson(secret);
    // The same JSON; the client's tree writer escapes '=' as \u003d, the streaming one does not.
    assertThat(tree(streaming.toJson(secret))).isEqualTo(tree(json));
    assertThat(
            new String(
                streaming.fromJson(json, V1Secret.class).getData().get("token"),
                StandardCharsets.UTF_8))
        .isEqualTo("sécret");

    CoreV1Event event =
        new CoreV1Event()
            .metadata(new V1ObjectMeta().name("e").namespace("default"))
            .involvedObject(new V1ObjectReference().kind("Pod").name("web").uid("u1"))
            .reason("ProviderCreateSuccess")
            .firstTimestamp(T)
            .count(1);
    assertThat(tree(streaming.toJson(event))).isEqualTo(tree(client.toJson(event)));

    String status =
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\","
            + "\"details\":{\"name\":\"web\",\"kind\":\"pods\"},\"code\":404}";
    assertThat(streaming.fromJson(status, V1Status.class))
        .isEqualTo(client.fromJson(status, V1Status.class))
        .extracting(V1Status::getDetails)
        .isEqualTo(new V1StatusDetails().name("web").kind("pods"));
  }

  @Test
  void ignoresFieldsANewerApiServerAdds() {
    String json =
        client.toJson(pod()).replace("\"spec\":{", "\"spec\":{\"someFutureField\":{\"a\":[1,2]},");
    assertThat(streaming.fromJson(json, V1Pod.class)).isEqualTo(pod());
  }

  private static JsonElement tree(String json) {
    return JsonParser.parseString(json);
  }

  private static V1Pod pod() {
    return new V1Pod()
        .apiVersion("v1")
        .kind("Pod")
        .metadata(
            new V1ObjectMeta()
                .name("web-1")
                .namespace("default")
                .uid("u1")
                .resourceVersion("42")
                .creationTimestamp(T)
                .labels(Map.of("app", "web"))
                .annotations(Map.of("note", "ünïcode \"quoted\""))
                .ownerReferences(
                    List.of(
                        new V1OwnerReference()
                            .apiVersion("apps/v1")
                            .kind("ReplicaSet")
                            .name("web")
                            .uid("rs1")
                            .controller(true))))
        .spec(
            new V1PodSpec()
                .nodeName("vk")
                .containers(
                    List.of(
                        new V1Container()
                            .name("app")
                            .image("nginx:1.27")
                            .command(List.of("sh", "-c", "echo hi"))
                            .ports(List.of(new V1ContainerPort().name("http").containerPort(8080)))
                            .env(
                                List.of(
                                    new V1EnvVar().name("A").value("1"),
                                    new V1EnvVar()
                                        .name("B")
                                        .valueFrom(
                                            new V1EnvVarSource()
                                                .secretKeyRef(
                                                    new V1SecretKeySelector().name("s").key("k")))))
                            .resources(
                                new V1ResourceRequirements()
                                    .limits(Map.of("memory", Quantity.fromString("64Mi")))
                                    .requests(Map.of("cpu", Quantity.fromString("250m"))))
                            .livenessProbe(
                                new V1Probe()
                                    .httpGet(
                                        new V1HTTPGetAction()
                                            .path("/")
                                            .port(new IntOrString("http")))
                                    .periodSeconds(10))))
                .volumes(
                    List.of(
                        new V1Volume()
                            .name("cfg")
                            .configMap(new V1ConfigMapVolumeSource().name("cfg").defaultMode(420))))
                .tolerations(List.of(new V1Toleration().operator("Exists"))))
        .status(
            new V1PodStatus()
                .phase("Running")
                .startTime(T)
                .conditions(
                    List.of(
                        new V1PodCondition().type("Ready").status("True").lastTransitionTime(T)))
                .containerStatuses(
                    List.of(
                        new V1ContainerStatus()
                            .name("app")
                            .ready(true)
                            .restartCount(0)
                            .image("nginx:1.27")
                            .imageID("")
                            .state(
                                new V1ContainerState()
                                    .running(new V1ContainerStateRunning().startedAt(T))))));
  }
}
