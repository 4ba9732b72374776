package dev.vk.provider.fargate.ssm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of the Session Manager data channel (the plugin's {@code ClientMessage}), as it
 * travels in a binary WebSocket frame. {@link ClientMessageCodec} turns it into bytes and back.
 *
 * @param messageType e.g. {@link MessageTypes#OUTPUT_STREAM_DATA}; at most 32 ASCII characters
 * @param schemaVersion 1 in every message the plugin and agent send
 * @param createdDate epoch milliseconds
 * @param sequenceNumber position in the sender's data stream; 0 for acknowledgements
 * @param flags bit 0 SYN (first message of a stream), bit 1 FIN
 * @param messageId random per message; acknowledgements name it
 * @param payloadType one of {@link PayloadTypes}; 0 for control messages
 * @param payload raw bytes (UTF-8 JSON or terminal data)
 */
public record ClientMessage(
    String messageType,
    int schemaVersion,
    long createdDate,
    long sequenceNumber,
    long flags,
    UUID messageId,
    int payloadType,
    byte[] payload) {

  /** Flag bit set on the first message of a stream. */
  public static final long SYN = 1;

  /** Flag bit set on the last message of a stream. */
  public static final long FIN = 2;

  public ClientMessage {
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(messageId, "messageId");
    payload = payload == null ? new byte[0] : payload.clone();
  }

  /** A stream data message of the given direction, payload type and bytes. */
  public static ClientMessage data(
      String messageType, long sequenceNumber, int payloadType, byte[] payload, long now) {
    return new ClientMessage(
        messageType,
        1,
        now,
        sequenceNumber,
        sequenceNumber == 0 ? SYN : 0,
        UUID.randomUUID(),
        payloadType,
        payload);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The payload read as UTF-8. */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClientMessage m
        && messageType.equals(m.messageType)
        && schemaVersion == m.schemaVersion
        && createdDate == m.createdDate
        && sequenceNumber == m.sequenceNumber
        && flags == m.flags
        && messageId.equals(m.messageId)
        && payloadType == m.payloadType
        && Arrays.equals(payload, m.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageType, sequenceNumber, messageId) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return messageType
        + "[seq="
        + sequenceNumber
        + ", payloadType="
        + payloadType
        + ", id="
        + messageId
        + ", "
        + payload.length
        + " bytes]";
  }
}
