package dev.vk.provider.fargate.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The client's answer to the agent's HandshakeRequest. A SessionType action is accepted (any type:
 * ECS Exec asks for InteractiveCommands); KMSEncryption, which the cluster's exec configuration can
 * demand, is refused because it needs KMS calls and payload encryption this client does not make;
 * anything else is answered "unsupported", as the plugin does.
 */
final class Handshake {
  /** The payload to send and, when an action that cannot be skipped was refused, why. */
  record Answer(byte[] response, Optional<String> refusal) {}

  private Handshake() {}

  static Answer answer(byte[] request) {
    return answer(request, Payloads.CLIENT_VERSION);
  }

  /** As {@link #answer(byte[])}, presenting {@code clientVersion} (the agent picks by it). */
  static Answer answer(byte[] request, String clientVersion) {
    ArrayNode processed = Payloads.actions();
    String refusal = null;
    for (JsonNode action : Payloads.requestedActions(request)) {
      String type = action.path("ActionType").asText("");
      ObjectNode result = processed.addObject();
      result.put("ActionType", type);
      switch (type) {
        case "SessionType" -> result.put("ActionStatus", Payloads.ACTION_SUCCESS);
        case "KMSEncryption" -> {
          refusal =
              "the ECS cluster's execute command configuration requires KMS encryption"
                  + " (kmsKeyId), which this provider's exec client does not implement";
          result.put("ActionStatus", Payloads.ACTION_FAILED);
          result.put("Error", refusal);
        }
        default -> {
          result.put("ActionStatus", Payloads.ACTION_UNSUPPORTED);
          result.put("Error", "Unsupported action " + type);
        }
      }
    }
    return new Answer(
        Payloads.handshakeResponse(processed, clientVersion), Optional.ofNullable(refusal));
  }
}
