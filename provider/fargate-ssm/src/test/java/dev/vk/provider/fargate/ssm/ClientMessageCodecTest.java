package dev.vk.provider.fargate.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientMessageCodecTest {
  private static final UUID ID = UUID.fromString("dd01e56b-ff48-483e-a508-b5f073f31b16");
  private static final byte[] PAYLOAD = "payload".getBytes(StandardCharsets.UTF_8);
  private final ClientMessage message =
      new ClientMessage(
          "input_stream_data", 1, 1503434274948L, 2, 0, ID, PayloadTypes.OUTPUT, PAYLOAD);

  @Test
  @DisplayName("a message survives encode and decode unchanged")
  void roundTrip() throws MalformedMessageException {
    assertThat(ClientMessageCodec.decode(ClientMessageCodec.encode(message))).isEqualTo(message);
  }

  @Test
  @DisplayName("the bytes follow the plugin's layout field by field")
  void knownLayout() {
    ByteBuffer bytes = ByteBuffer.wrap(ClientMessageCodec.encode(message));

    assertThat(bytes.capacity()).isEqualTo(120 + PAYLOAD.length);
    assertThat(bytes.getInt(0)).isEqualTo(116);
    assertThat(new String(Arrays.copyOfRange(bytes.array(), 4, 36), StandardCharsets.US_ASCII))
        .isEqualTo("input_stream_data               ");
    assertThat(bytes.getInt(36)).isEqualTo(1);
    assertThat(bytes.getLong(40)).isEqualTo(1503434274948L);
    assertThat(bytes.getLong(48)).isEqualTo(2);
    assertThat(bytes.getLong(56)).isZero();
    // The plugin writes the UUID's low half first: a508-b5f073f31b16, then dd01e56b-ff48-483e.
    assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(bytes.array(), 64, 80)))
        .isEqualTo("a508b5f073f31b16dd01e56bff48483e");
    assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(bytes.array(), 80, 112)))
        .isEqualTo("239f59ed55e737c77147cf55ad0c1b030b6d7ee748a7426952f9b852d5a935e5");
    assertThat(bytes.getInt(112)).isEqualTo(PayloadTypes.OUTPUT);
    assertThat(bytes.getInt(116)).isEqualTo(PAYLOAD.length);
    assertThat(
            new String(
                Arrays.copyOfRange(bytes.array(), 120, bytes.capacity()), StandardCharsets.UTF_8))
        .isEqualTo("payload");
  }

  @Test
  @DisplayName("the digest is SHA-256 of the payload")
  void digest() {
    assertThat(HexFormat.of().formatHex(ClientMessageCodec.digest(new byte[0])))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  @DisplayName("a tampered payload, a short frame or a wrong length is rejected")
  void malformed() {
    byte[] frame = ClientMessageCodec.encode(message);
    byte[] tampered = frame.clone();
    tampered[tampered.length - 1] ^= 1;

    assertThatThrownBy(() -> ClientMessageCodec.decode(tampered)).hasMessageContaining("digest");
    assertThatThrownBy(() -> ClientMessageCodec.decode(Arrays.copyOf(frame, 100)))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> ClientMessageCodec.decode(Arrays.copyOf(frame, frame.length - 1)))
        .hasMessageContaining("length");
  }
}
