package dev.vk.emulator.aci.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.arm.Json;
import dev.vk.emulator.aci.model.ContainerGroupSpec;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerGroupValidatorTest {

  private final ContainerGroupValidator validator = new ContainerGroupValidator(4, 16);

  private static ObjectNode body() {
    try {
      return (ObjectNode)
          Json.MAPPER.readTree(
              """
          {"location":"westeurope","properties":{"osType":"Linux","restartPolicy":"Never",
           "ipAddress":{"type":"Public","ports":[{"port":80}]},
           "volumes":[{"name":"cache","emptyDir":{}}],
           "containers":[{"name":"web","properties":{"image":"nginx","ports":[{"port":80}],
             "volumeMounts":[{"name":"cache","mountPath":"/cache"}],
             "resources":{"requests":{"cpu":1.0,"memoryInGB":1.5}}}}]}}""");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode container(ObjectNode body) {
    return (ObjectNode) body.at("/properties/containers/0/properties");
  }

  private void assertRejected(
      String group, Consumer<ObjectNode> change, int status, String code, String message) {
    ObjectNode body = body();
    change.accept(body);
    JsonNode node = body;
    assertThatThrownBy(() -> validator.validate(group, node, ContainerGroupSpec.parse(node)))
        .isInstanceOfSatisfying(
            ArmException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status);
              org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
              org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  @DisplayName("a well-formed group passes")
  void valid() {
    ObjectNode body = body();
    assertThatCode(() -> validator.validate("default-web", body, ContainerGroupSpec.parse(body)))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("group names: at most 63 lowercase alphanumerics and inner single hyphens")
  void groupNames() {
    assertRejected(
        "Default-Web", b -> {}, 400, "InvalidContainerGroupName", "'Default-Web' is invalid");
    assertRejected(
        "a".repeat(64), b -> {}, 400, "InvalidContainerGroupName", "no more than 63 characters");
    assertRejected("a--b", b -> {}, 400, "InvalidContainerGroupName", "invalid");
    assertRejected("-ab", b -> {}, 400, "InvalidContainerGroupName", "invalid");
  }

  @Test
  @DisplayName("container names, duplicates, missing image and inaccessible images")
  void containers() {
    assertRejected(
        "g",
        b -> ((ObjectNode) b.at("/properties/containers/0")).put("name", "my_app"),
        400,
        "InvalidContainerName",
        "The container name 'my_app' in container group 'g' is invalid");
    assertRejected(
        "g",
        b ->
            ((com.fasterxml.jackson.databind.node.ArrayNode) b.at("/properties/containers"))
                .add(b.at("/properties/containers/0").deepCopy()),
        400,
        "DuplicateContainerName",
        "'web'");
    assertRejected(
        "g",
        b -> container(b).remove("image"),
        400,
        "InvalidRequestContent",
        "Required property 'image'");
    assertRejected(
        "g",
        b -> container(b).put("image", "registry.example/doesnotexist:1"),
        400,
        "InaccessibleImage",
        "is not accessible");
    assertRejected(
        "g",
        b -> ((ObjectNode) b.at("/properties")).remove("osType"),
        400,
        "InvalidRequestContent",
        "'osType'");
    assertRejected("g", b -> b.remove("location"), 400, "LocationRequired", "location");
  }

  @Test
  @DisplayName("ports must be valid, and the IP's ports opened by a container")
  void ports() {
    assertRejected(
        "g",
        b -> ((ObjectNode) container(b).at("/ports/0")).put("port", 70000),
        400,
        "InvalidContainerPort",
        "'70000'");
    assertRejected(
        "g",
        b -> ((ObjectNode) b.at("/properties/ipAddress/ports/0")).put("port", 443),
        400,
        "InvalidIpAddressPort",
        "'443'");
  }

  @Test
  @DisplayName("volumes: one supported source each, and mounts must name a volume")
  void volumes() {
    assertRejected(
        "g",
        b -> ((ObjectNode) b.at("/properties/volumes/0")).remove("emptyDir"),
        400,
        "InvalidVolume",
        "'cache'");
    assertRejected(
        "g",
        b -> ((ObjectNode) b.at("/properties/volumes/0")).putObject("hostPath"),
        400,
        "InvalidVolume",
        "hostPath");
    assertRejected(
        "g",
        b -> ((ObjectNode) container(b).at("/volumeMounts/0")).put("name", "data"),
        400,
        "InvalidVolumeMount",
        "'data'");
  }

  @Test
  @DisplayName("resources: limits >= requests, limit <= group total, group within 4 cores / 16 GB")
  void resources() {
    assertRejected(
        "g",
        b -> ((ObjectNode) container(b).at("/resources")).putObject("limits").put("cpu", 0.5),
        400,
        "ResourceLimitsLessThanRequests",
        "The 'Cpu' limit value must be greater than or equal to the request value.");
    assertRejected(
        "g",
        b ->
            ((ObjectNode) container(b).at("/resources")).putObject("limits").put("memoryInGB", 3.0),
        400,
        "ContainerLimitGreaterThanContainerGroupTotalRequest",
        "The 'MemoryInGB' limit '3' in container 'web' is greater than the total request '1.5'");
    assertRejected(
        "g",
        b -> ((ObjectNode) container(b).at("/resources/requests")).put("cpu", 5),
        409,
        "ServiceUnavailable",
        "Resource requested: '5' CPU '1.5' GB memory 'Linux' OS");
  }

  @Test
  @DisplayName("dnsConfig: only in a virtual network, nameServers required, at most 3")
  void dnsConfig() {
    assertRejected(
        "g",
        b -> props(b).putObject("dnsConfig").putArray("nameServers").add("10.0.0.10"),
        400,
        "DnsConfigurationRequiresVirtualNetwork",
        "only supported for container groups deployed in a virtual network");
    assertRejected(
        "g",
        b -> {
          inVnet(b);
          props(b).putObject("dnsConfig").put("searchDomains", "a.b");
        },
        400,
        "InvalidRequestContent",
        "nameServers");
    assertRejected(
        "g",
        b -> {
          inVnet(b);
          props(b)
              .putObject("dnsConfig")
              .putArray("nameServers")
              .add("1.1.1.1")
              .add("2.2.2.2")
              .add("3.3.3.3")
              .add("4.4.4.4");
        },
        400,
        "InvalidDnsConfiguration",
        "at most 3");
    ObjectNode ok = body();
    inVnet(ok);
    props(ok)
        .putObject("dnsConfig")
        .put("options", "ndots:5")
        .putArray("nameServers")
        .add("10.0.0.10");
    assertThatCode(() -> validator.validate("g", ok, ContainerGroupSpec.parse(ok)))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("imageRegistryCredentials: an identity must be one of the group's")
  void registryIdentity() {
    String mi =
        "/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pull";
    assertRejected(
        "g",
        b ->
            props(b)
                .putArray("imageRegistryCredentials")
                .addObject()
                .put("server", "r.azurecr.io")
                .put("identity", mi),
        400,
        "InvalidImageRegistryCredentialIdentity",
        "is not one of the group's user assigned identities");
    ObjectNode ok = body();
    props(ok)
        .putArray("imageRegistryCredentials")
        .addObject()
        .put("server", "r.azurecr.io")
        .put("identity", mi);
    ok.putObject("identity")
        .put("type", "UserAssigned")
        .putObject("userAssignedIdentities")
        .putObject(mi);
    assertThatCode(() -> validator.validate("g", ok, ContainerGroupSpec.parse(ok)))
        .doesNotThrowAnyException();
  }

  private static ObjectNode props(ObjectNode body) {
    return (ObjectNode) body.get("properties");
  }

  private static void inVnet(ObjectNode body) {
    props(body).putArray("subnetIds").addObject().put("id", "/subscriptions/s/subnets/aci");
    ((ObjectNode) props(body).get("ipAddress")).put("type", "Private");
  }
}
