package dev.vk.provider.fargate.ssm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The binary layout of a data channel message, big-endian, as the session-manager-plugin reads and
 * writes it:
 *
 * <pre>
 * offset size field
 *      0    4 HeaderLength (116: the offset of PayloadLength)
 *      4   32 MessageType, ASCII, padded with spaces
 *     36    4 SchemaVersion
 *     40    8 CreatedDate, epoch ms
 *     48    8 SequenceNumber
 *     56    8 Flags
 *     64   16 MessageId: the UUID's least significant 8 bytes first, then the most significant
 *     80   32 PayloadDigest: SHA-256 of the payload
 *    112    4 PayloadType
 *    116    4 PayloadLength
 *    120    n Payload
 * </pre>
 */
public final class ClientMessageCodec {
  public static final int HEADER_LENGTH = 116;
  public static final int PAYLOAD_OFFSET = HEADER_LENGTH + 4;
  private static final int TYPE_LENGTH = 32;

  private ClientMessageCodec() {}

  public static byte[] encode(ClientMessage message) {
    byte[] type = message.messageType().getBytes(StandardCharsets.US_ASCII);
    if (type.length > TYPE_LENGTH) {
      throw new IllegalArgumentException("Message type longer than 32 bytes");
    }
    byte[] payload = message.payload();
    ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD_OFFSET + payload.length);
    buffer.putInt(HEADER_LENGTH);
    byte[] paddedType = new byte[TYPE_LENGTH];
    Arrays.fill(paddedType, (byte) ' ');
    System.arraycopy(type, 0, paddedType, 0, type.length);
    buffer.put(paddedType);
    buffer.putInt(message.schemaVersion());
    buffer.putLong(message.createdDate());
    buffer.putLong(message.sequenceNumber());
    buffer.putLong(message.flags());
    buffer.putLong(message.messageId().getLeastSignificantBits());
    buffer.putLong(message.messageId().getMostSignificantBits());
    buffer.put(digest(payload));
    buffer.putInt(message.payloadType());
    buffer.putInt(payload.length);
    buffer.put(payload);
    return buffer.array();
  }

  /** Parses a frame, checking lengths and (for non-empty payloads) the SHA-256 digest. */
  public static ClientMessage decode(byte[] frame) throws MalformedMessageException {
    if (frame.length < PAYLOAD_OFFSET) {
      throw new MalformedMessageException("Frame shorter than the 120-byte header");
    }
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    int headerLength = buffer.getInt();
    if (headerLength < HEADER_LENGTH || headerLength + 4 > frame.length) {
      throw new MalformedMessageException("Invalid header length " + headerLength);
    }
    byte[] type = new byte[TYPE_LENGTH];
    buffer.get(type);
    int schemaVersion = buffer.getInt();
    long createdDate = buffer.getLong();
    long sequenceNumber = buffer.getLong();
    long flags = buffer.getLong();
    long least = buffer.getLong();
    long most = buffer.getLong();
    byte[] digest = new byte[32];
    buffer.get(digest);
    int payloadType = buffer.getInt();
    int payloadLength = buffer.getInt(headerLength);
    int payloadStart = headerLength + 4;
    if (payloadLength < 0 || payloadStart + payloadLength != frame.length) {
      throw new MalformedMessageException("Payload length does not match the frame");
    }
    byte[] payload = Arrays.copyOfRange(frame, payloadStart, frame.length);
    if (payloadLength != 0 && !MessageDigest.isEqual(digest, digest(payload))) {
      throw new MalformedMessageException("Payload digest mismatch");
    }
    String messageType = new String(type, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
    return new ClientMessage(
        messageType,
        schemaVersion,
        createdDate,
        sequenceNumber,
        flags,
        new UUID(most, least),
        payloadType,
        payload);
  }

  /** SHA-256 of a payload, as carried in the PayloadDigest field. */
  public static byte[] digest(byte[] payload) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(payload);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
