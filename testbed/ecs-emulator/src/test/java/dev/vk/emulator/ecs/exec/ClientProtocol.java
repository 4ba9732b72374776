package dev.vk.emulator.ecs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.ClientMessageCodec;
import dev.vk.provider.fargate.ssm.MalformedMessageException;
import dev.vk.provider.fargate.ssm.MessageTypes;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The client half of the data channel protocol, transport-free, as the session-manager-plugin plays
 * it: answers the handshake, acknowledges output, collects output and the exit code. Thread-safe so
 * a WebSocket listener and a test thread can share it.
 */
final class ClientProtocol {
  private final StringBuilder output = new StringBuilder();
  private final List<String> handshakeSessionTypes = new ArrayList<>();
  private long expectedSequence;
  private long nextSequence;
  private Integer exitCode;
  private boolean closed;
  private boolean handshakeComplete;
  private int acknowledgementsReceived;
  private int resendsSeen;
  boolean dropAcknowledgements;

  static String openDataChannel(String token) {
    ObjectNode json = Json.object();
    json.put("MessageSchemaVersion", "1.0");
    json.put("RequestId", UUID.randomUUID().toString());
    json.put("TokenValue", token);
    json.put("ClientId", UUID.randomUUID().toString());
    json.put("ClientVersion", "1.2.650.0");
    return json.toString();
  }

  /** Handles one frame from the agent; returns the frames to send back. */
  synchronized List<byte[]> receive(byte[] frame) {
    ClientMessage message;
    try {
      message = ClientMessageCodec.decode(frame);
    } catch (MalformedMessageException e) {
      throw new IllegalStateException(e);
    }
    List<byte[]> replies = new ArrayList<>();
    switch (message.messageType()) {
      case MessageTypes.OUTPUT_STREAM_DATA -> {
        if (!dropAcknowledgements) {
          replies.add(ClientMessageCodec.encode(acknowledge(message)));
        }
        if (message.sequenceNumber() < expectedSequence) {
          resendsSeen++;
          return replies;
        }
        expectedSequence++;
        handle(message, replies);
      }
      case MessageTypes.ACKNOWLEDGE -> acknowledgementsReceived++;
      case MessageTypes.CHANNEL_CLOSED -> closed = true;
      default -> {}
    }
    notifyAll();
    return replies;
  }

  private void handle(ClientMessage message, List<byte[]> replies) {
    switch (message.payloadType()) {
      case PayloadTypes.HANDSHAKE_REQUEST -> {
        JsonNode request = read(message.payloadText());
        request
            .path("RequestedClientActions")
            .forEach(
                a ->
                    handshakeSessionTypes.add(
                        a.path("ActionParameters").path("SessionType").asText()));
        ObjectNode response = Json.object();
        response.put("ClientVersion", "1.2.650.0");
        ObjectNode action = response.putArray("ProcessedClientActions").addObject();
        action.put("ActionType", "SessionType");
        action.put("ActionStatus", 1);
        response.putArray("Errors");
        replies.add(data(PayloadTypes.HANDSHAKE_RESPONSE, response.toString()));
      }
      case PayloadTypes.HANDSHAKE_COMPLETE -> handshakeComplete = true;
      case PayloadTypes.OUTPUT -> output.append(message.payloadText());
      case PayloadTypes.EXIT_CODE ->
          exitCode = Integer.parseInt(message.payloadText().replace("EXIT_CODE:", "").trim());
      default -> {}
    }
  }

  /** Keystrokes as the plugin sends them (Output payload of input_stream_data). */
  synchronized byte[] keys(String text) {
    return data(PayloadTypes.OUTPUT, text);
  }

  synchronized byte[] size(int cols, int rows) {
    return data(PayloadTypes.SIZE, "{\"cols\":" + cols + ",\"rows\":" + rows + "}");
  }

  private byte[] data(int payloadType, String text) {
    return ClientMessageCodec.encode(
        ClientMessage.data(
            MessageTypes.INPUT_STREAM_DATA,
            nextSequence++,
            payloadType,
            text.getBytes(StandardCharsets.UTF_8),
            System.currentTimeMillis()));
  }

  private static ClientMessage acknowledge(ClientMessage message) {
    ObjectNode ack = Json.object();
    ack.put("AcknowledgedMessageType", message.messageType());
    ack.put("AcknowledgedMessageId", message.messageId().toString());
    ack.put("AcknowledgedMessageSequenceNumber", message.sequenceNumber());
    ack.put("IsSequentialMessage", true);
    return new ClientMessage(
        MessageTypes.ACKNOWLEDGE,
        1,
        System.currentTimeMillis(),
        0,
        3,
        UUID.randomUUID(),
        0,
        ack.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized String output() {
    return output.toString();
  }

  synchronized Integer exitCode() {
    return exitCode;
  }

  synchronized boolean closed() {
    return closed;
  }

  synchronized boolean handshakeComplete() {
    return handshakeComplete;
  }

  synchronized List<String> handshakeSessionTypes() {
    return List.copyOf(handshakeSessionTypes);
  }

  synchronized int acknowledgementsReceived() {
    return acknowledgementsReceived;
  }

  synchronized int resendsSeen() {
    return resendsSeen;
  }
}
