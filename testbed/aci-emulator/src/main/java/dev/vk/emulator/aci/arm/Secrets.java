package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Removes what ACI never returns: secure environment values, registry passwords, storage keys. */
final class Secrets {

  private Secrets() {}

  /** A copy of {@code body} without secrets. */
  static ObjectNode strip(JsonNode body) {
    ObjectNode copy = (ObjectNode) body.deepCopy();
    JsonNode props = copy.path("properties");
    for (String list : new String[] {"containers", "initContainers"}) {
      for (JsonNode container : props.path(list)) {
        for (JsonNode env : container.path("properties").path("environmentVariables")) {
          ((ObjectNode) env).remove("secureValue");
        }
      }
    }
    for (JsonNode credential : props.path("imageRegistryCredentials")) {
      ((ObjectNode) credential).remove("password");
    }
    for (JsonNode volume : props.path("volumes")) {
      if (volume.path("azureFile").isObject()) {
        ((ObjectNode) volume.get("azureFile")).remove("storageAccountKey");
      }
    }
    return copy;
  }
}
