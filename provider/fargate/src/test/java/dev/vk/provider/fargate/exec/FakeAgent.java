package dev.vk.provider.fargate.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.ClientMessageCodec;
import dev.vk.provider.fargate.ssm.MalformedMessageException;
import dev.vk.provider.fargate.ssm.MessageTypes;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The agent end of a data channel, in memory: records what the session sends (the {@link
 * DataChannelSession.Wire}), collects what it writes (the {@link DataChannelSession.Output}), and
 * builds the agent's frames for a test to feed in.
 */
final class FakeAgent implements DataChannelSession.Wire, DataChannelSession.Output {
  static final ObjectMapper JSON = new ObjectMapper();

  final List<ClientMessage> sent = new ArrayList<>();
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final Clock clock;

  FakeAgent(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void send(byte[] frame) {
    try {
      sent.add(ClientMessageCodec.decode(frame));
    } catch (MalformedMessageException e) {
      throw new AssertionError("the session sent a malformed frame", e);
    }
  }

  @Override
  public void stdout(byte[] bytes) {
    stdout.writeBytes(bytes);
  }

  @Override
  public void stderr(byte[] bytes) {
    stderr.writeBytes(bytes);
  }

  /** Input messages sent so far (not acknowledgements), in order sent. */
  synchronized List<ClientMessage> input() {
    return sent.stream()
        .filter(m -> m.messageType().equals(MessageTypes.INPUT_STREAM_DATA))
        .toList();
  }

  /** Sequence numbers the session acknowledged, in order. */
  synchronized List<Long> acknowledged() {
    return sent.stream()
        .filter(m -> m.messageType().equals(MessageTypes.ACKNOWLEDGE))
        .map(m -> json(m.payload()).path("AcknowledgedMessageSequenceNumber").asLong())
        .toList();
  }

  synchronized void clearSent() {
    sent.clear();
  }

  String stdoutText() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  byte[] data(long sequence, int payloadType, String payload) {
    return ClientMessageCodec.encode(
        ClientMessage.data(
            MessageTypes.OUTPUT_STREAM_DATA,
            sequence,
            payloadType,
            payload.getBytes(StandardCharsets.UTF_8),
            clock.millis()));
  }

  byte[] handshakeRequest(String... actionTypes) {
    StringBuilder actions = new StringBuilder();
    for (String type : actionTypes) {
      actions.append(actions.length() == 0 ? "" : ",");
      actions.append("{\"ActionType\":\"").append(type).append("\",\"ActionParameters\":{}}");
    }
    return data(
        0,
        PayloadTypes.HANDSHAKE_REQUEST,
        "{\"AgentVersion\":\"3.3.0.0\",\"RequestedClientActions\":[" + actions + "]}");
  }

  byte[] acknowledge(ClientMessage input) {
    String payload =
        "{\"AcknowledgedMessageType\":\"input_stream_data\",\"AcknowledgedMessageId\":\""
            + input.messageId()
            + "\",\"AcknowledgedMessageSequenceNumber\":"
            + input.sequenceNumber()
            + ",\"IsSequentialMessage\":true}";
    return control(MessageTypes.ACKNOWLEDGE, payload);
  }

  byte[] control(String type, String payload) {
    return ClientMessageCodec.encode(
        new ClientMessage(
            type,
            1,
            clock.millis(),
            0,
            ClientMessage.SYN | ClientMessage.FIN,
            UUID.randomUUID(),
            0,
            payload.getBytes(StandardCharsets.UTF_8)));
  }

  byte[] channelClosed(String output) {
    return control(
        MessageTypes.CHANNEL_CLOSED,
        "{\"MessageType\":\"channel_closed\",\"Output\":\"" + output + "\"}");
  }

  static JsonNode json(byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
