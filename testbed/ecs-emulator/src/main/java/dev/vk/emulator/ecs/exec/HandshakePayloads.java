package dev.vk.emulator.ecs.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.provider.fargate.ssm.ClientMessage;
import java.time.Clock;
import java.util.UUID;

/** The JSON payloads the agent side sends, with the plugin's field names. */
final class HandshakePayloads {
  static final String AGENT_VERSION = "3.3.1142.0";

  private HandshakePayloads() {}

  /** HandshakeRequest: the session type ECS Exec uses, no KMS encryption. */
  static byte[] request() {
    ObjectNode json = Json.object();
    json.put("AgentVersion", AGENT_VERSION);
    ObjectNode action = json.putArray("RequestedClientActions").addObject();
    action.put("ActionType", "SessionType");
    ObjectNode parameters = action.putObject("ActionParameters");
    parameters.put("SessionType", "InteractiveCommands");
    parameters.putObject("Properties");
    return bytes(json);
  }

  /** HandshakeRequest of AWS-StartPortForwardingSession: session type Port, local forwarding. */
  static byte[] portRequest(int port) {
    ObjectNode json = Json.object();
    json.put("AgentVersion", AGENT_VERSION);
    ObjectNode action = json.putArray("RequestedClientActions").addObject();
    action.put("ActionType", "SessionType");
    ObjectNode parameters = action.putObject("ActionParameters");
    parameters.put("SessionType", "Port");
    ObjectNode properties = parameters.putObject("Properties");
    properties.put("portNumber", Integer.toString(port));
    properties.put("type", "LocalPortForwarding");
    return bytes(json);
  }

  /** HandshakeComplete; the time is a Go time.Duration, i.e. nanoseconds. */
  static byte[] complete(long nanos) {
    ObjectNode json = Json.object();
    json.put("HandshakeTimeToComplete", nanos);
    json.put("CustomerMessage", "");
    return bytes(json);
  }

  static byte[] acknowledge(ClientMessage received) {
    ObjectNode json = Json.object();
    json.put("AcknowledgedMessageType", received.messageType());
    json.put("AcknowledgedMessageId", received.messageId().toString());
    json.put("AcknowledgedMessageSequenceNumber", received.sequenceNumber());
    json.put("IsSequentialMessage", true);
    return bytes(json);
  }

  static byte[] channelClosed(String sessionId, Clock clock) {
    return channelClosed(sessionId, clock, "");
  }

  /** channel_closed whose Output says why the session ended (empty for a normal end). */
  static byte[] channelClosed(String sessionId, Clock clock, String output) {
    ObjectNode json = Json.object();
    json.put("MessageType", "channel_closed");
    json.put("MessageId", UUID.randomUUID().toString());
    json.put("CreatedDate", clock.instant().toString());
    json.put("DestinationId", "");
    json.put("SessionId", sessionId);
    json.put("SchemaVersion", 1);
    json.put("Output", output);
    return bytes(json);
  }

  private static byte[] bytes(ObjectNode json) {
    try {
      return Json.MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
