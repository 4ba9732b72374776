package dev.vk.emulator.ecs.exec;

import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.ClientMessageCodec;
import dev.vk.provider.fargate.ssm.MalformedMessageException;
import dev.vk.provider.fargate.ssm.MessageTypes;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent side of a data channel that every session kind shares: the token check and start of
 * publication, decoding frames, acknowledging input and resending unacknowledged output, and
 * closing with ChannelClosed once the output is acknowledged. What the input means is the
 * session's. Confined to the session's thread; nothing here blocks.
 */
final class AgentChannel {
  private static final Logger logger = LoggerFactory.getLogger(AgentChannel.class);
  private static final int CHUNK = 1024;
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private final Scheduler scheduler;
  private final AgentSession.Transport transport;
  private final OutgoingStream outgoing;
  private final IncomingStream incoming = new IncomingStream();
  private boolean opened;
  private boolean closed;

  AgentChannel(Scheduler scheduler, AgentSession.Transport transport) {
    this.scheduler = scheduler;
    this.transport = transport;
    this.outgoing = new OutgoingStream(scheduler, transport::send);
  }

  /**
   * Checks OpenDataChannelInput's token against {@code token}: a match starts publication and sends
   * {@code handshakeRequest}; anything else (or a second open) closes the channel.
   */
  void open(String openDataChannelInput, String token, byte[] handshakeRequest) {
    String given = null;
    try {
      given = Json.text(Json.MAPPER.readTree(openDataChannelInput), "TokenValue");
    } catch (IOException e) {
      logger.debug("Unreadable OpenDataChannelInput", e);
    }
    if (opened || !token.equals(given)) {
      close();
      return;
    }
    opened = true;
    transport.send(ClientMessageCodec.encode(control(MessageTypes.START_PUBLICATION, new byte[0])));
    outgoing.send(PayloadTypes.HANDSHAKE_REQUEST, handshakeRequest);
  }

  /**
   * Decodes one binary frame: acknowledgements release output, input is acknowledged and handed to
   * {@code input} in sequence order, once each.
   */
  void receive(byte[] frame, Consumer<ClientMessage> input) {
    if (!opened || closed) {
      return;
    }
    ClientMessage message;
    try {
      message = ClientMessageCodec.decode(frame);
    } catch (MalformedMessageException e) {
      logger.debug("Dropping malformed data channel frame: {}", e.getMessage());
      return;
    }
    switch (message.messageType()) {
      case MessageTypes.ACKNOWLEDGE -> outgoing.acknowledge(acknowledgedSequence(message));
      case MessageTypes.INPUT_STREAM_DATA -> {
        transport.send(
            ClientMessageCodec.encode(
                control(MessageTypes.ACKNOWLEDGE, HandshakePayloads.acknowledge(message))));
        incoming.accept(message).forEach(input);
      }
      default -> logger.debug("Ignoring {}", message);
    }
  }

  /** The WebSocket went away: nothing more is sent. */
  void transportClosed() {
    closed = true;
    outgoing.stop();
  }

  boolean closed() {
    return closed;
  }

  /** Sends one payload, resent until acknowledged. */
  void send(int payloadType, byte[] payload) {
    outgoing.send(payloadType, payload);
  }

  /** Sends {@code bytes} as Output payloads of at most 1024 bytes, as the agent does. */
  void output(byte[] bytes) {
    for (int from = 0; from < bytes.length; from += CHUNK) {
      outgoing.send(
          PayloadTypes.OUTPUT,
          Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK)));
    }
  }

  /**
   * Sends ChannelClosed (its payload made then) and closes, once the output sent so far is
   * acknowledged or after a grace period, whichever comes first; only once.
   */
  void closeWhenDrained(Supplier<byte[]> channelClosed) {
    Scheduler.Cancellable deadline =
        scheduler.schedule(CLOSE_GRACE, () -> sendClosed(channelClosed));
    outgoing.whenDrained(
        () -> {
          deadline.cancel();
          sendClosed(channelClosed);
        });
  }

  private void sendClosed(Supplier<byte[]> channelClosed) {
    if (closed) {
      return;
    }
    transport.send(
        ClientMessageCodec.encode(control(MessageTypes.CHANNEL_CLOSED, channelClosed.get())));
    close();
  }

  /** Stops sending and closes the WebSocket. */
  void close() {
    closed = true;
    outgoing.stop();
    transport.close();
  }

  private ClientMessage control(String type, byte[] payload) {
    return new ClientMessage(
        type,
        1,
        scheduler.clock().millis(),
        0,
        ClientMessage.SYN | ClientMessage.FIN,
        UUID.randomUUID(),
        0,
        payload);
  }

  private static long acknowledgedSequence(ClientMessage ack) {
    try {
      return Json.MAPPER
          .readTree(ack.payload())
          .path("AcknowledgedMessageSequenceNumber")
          .asLong(-1);
    } catch (IOException e) {
      return -1;
    }
  }
}
