package dev.vk.provider.fargate.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.kubelet.types.TerminalSize;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.MessageTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The data channel's JSON and text payloads, with the session-manager-plugin's field names. */
final class Payloads {
  /** The plugin release whose protocol this client speaks; the agent may gate features on it. */
  static final String CLIENT_VERSION = "1.2.650.0";

  static final int ACTION_SUCCESS = 1;
  static final int ACTION_FAILED = 2;
  static final int ACTION_UNSUPPORTED = 3;

  /**
   * The version a port session presents: below 1.1.70, the first plugin release the agent
   * multiplexes connections for (smux), so the agent runs the basic one-connection protocol.
   */
  static final String BASIC_PORT_CLIENT_VERSION = "1.1.61.0";

  /** FLAG payload value telling the agent the client's TCP connection closed. */
  static final int DISCONNECT_TO_PORT = 1;

  /** FLAG payload value asking the agent to end the session. */
  static final int TERMINATE_SESSION = 2;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern EXIT_CODE = Pattern.compile("\\s*EXIT_CODE:\\s*(-?\\d+)\\s*");

  private Payloads() {}

  /** The first, text frame: OpenDataChannelInput carrying the session token. */
  static String openDataChannel(String token) {
    return openDataChannel(token, CLIENT_VERSION);
  }

  /** As {@link #openDataChannel(String)}, presenting {@code clientVersion}. */
  static String openDataChannel(String token, String clientVersion) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("MessageSchemaVersion", "1.0");
    json.put("RequestId", UUID.randomUUID().toString());
    json.put("TokenValue", token);
    json.put("ClientId", UUID.randomUUID().toString());
    json.put("ClientVersion", clientVersion);
    return json.toString();
  }

  /** The RequestedClientActions of a HandshakeRequest (empty when unreadable). */
  static JsonNode requestedActions(byte[] handshakeRequest) {
    return read(handshakeRequest).path("RequestedClientActions");
  }

  /** A HandshakeResponse; {@code actions} holds ProcessedClientActions entries. */
  static byte[] handshakeResponse(ArrayNode actions) {
    return handshakeResponse(actions, CLIENT_VERSION);
  }

  /** As {@link #handshakeResponse(ArrayNode)}, presenting {@code clientVersion}. */
  static byte[] handshakeResponse(ArrayNode actions, String clientVersion) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("ClientVersion", clientVersion);
    json.set("ProcessedClientActions", actions);
    json.putArray("Errors");
    return bytes(json);
  }

  static ArrayNode actions() {
    return MAPPER.createArrayNode();
  }

  /** The acknowledge message for a received stream data message. */
  static ClientMessage acknowledgement(ClientMessage received, long now) {
    return new ClientMessage(
        MessageTypes.ACKNOWLEDGE,
        1,
        now,
        0,
        ClientMessage.SYN | ClientMessage.FIN,
        UUID.randomUUID(),
        0,
        acknowledge(received));
  }

  private static byte[] acknowledge(ClientMessage received) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("AcknowledgedMessageType", received.messageType());
    json.put("AcknowledgedMessageId", received.messageId().toString());
    json.put("AcknowledgedMessageSequenceNumber", received.sequenceNumber());
    json.put("IsSequentialMessage", true);
    return bytes(json);
  }

  /** The sequence number an acknowledgement names, if readable. */
  static OptionalLong acknowledgedSequence(byte[] acknowledgement) {
    JsonNode number = read(acknowledgement).path("AcknowledgedMessageSequenceNumber");
    return number.canConvertToLong() ? OptionalLong.of(number.asLong()) : OptionalLong.empty();
  }

  static byte[] size(TerminalSize size) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("cols", size.width());
    json.put("rows", size.height());
    return bytes(json);
  }

  /** The 4-byte big-endian FLAG payload. */
  static byte[] flag(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  /** The status in an ExitCode payload ({@code EXIT_CODE: 3}), if it is one. */
  static OptionalInt exitCode(byte[] payload) {
    Matcher m = EXIT_CODE.matcher(new String(payload, StandardCharsets.UTF_8));
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** The Output text of a channel_closed message (why the service ended it; often empty). */
  static String closedOutput(byte[] channelClosed) {
    return read(channelClosed).path("Output").asText("");
  }

  private static JsonNode read(byte[] json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      return tree == null ? MAPPER.missingNode() : tree;
    } catch (IOException e) {
      return MAPPER.missingNode();
    }
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON of a tree always serialises", e);
    }
  }
}
