package dev.vk.emulator.ecs.exec;

import dev.vk.emulator.ecs.exec.ExecSessions.PortSession;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent end of an AWS-StartPortForwardingSession data channel in the basic protocol (the
 * amazon-ssm-agent's BasicPortSession): after the handshake it connects to the port; the client's
 * Output payloads are the connection's bytes and what the port answers goes back as Output. Flag
 * DisconnectToPort closes the connection (the next bytes open a new one), TerminateSession ends the
 * session. A client of version 1.1.70 or later would get the multiplexed (smux) protocol, which
 * this emulator does not speak: such a session is closed saying so. Confined to one thread.
 */
final class PortAgentSession implements DataChannelAgent {
  private static final Logger logger = LoggerFactory.getLogger(PortAgentSession.class);
  private static final int CHUNK = 1024;
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
  private static final int[] MUX_CLIENT_VERSION = {1, 1, 70};
  private static final int DISCONNECT_TO_PORT = 1;
  private static final int TERMINATE_SESSION = 2;

  private final PortSession session;
  private final Scheduler scheduler;
  private final AgentSession.Transport transport;
  private final OutgoingStream outgoing;
  private final IncomingStream incoming = new IncomingStream();
  private final long openedNanos = System.nanoTime();
  private EmulatedPort connection;
  private boolean opened;
  private boolean handshakeDone;
  private boolean ending;
  private boolean closed;

  PortAgentSession(PortSession session, Scheduler scheduler, AgentSession.Transport transport) {
    this.session = session;
    this.scheduler = scheduler;
    this.transport = transport;
    this.outgoing = new OutgoingStream(scheduler, transport::send);
  }

  @Override
  public void open(String openDataChannelInput) {
    String token = null;
    try {
      token = Json.text(Json.MAPPER.readTree(openDataChannelInput), "TokenValue");
    } catch (IOException e) {
      logger.debug("Unreadable OpenDataChannelInput", e);
    }
    if (opened || !session.token().equals(token)) {
      close();
      return;
    }
    opened = true;
    transport.send(ClientMessageCodec.encode(control(MessageTypes.START_PUBLICATION, new byte[0])));
    outgoing.send(PayloadTypes.HANDSHAKE_REQUEST, HandshakePayloads.portRequest(session.port()));
  }

  @Override
  public void receive(byte[] frame) {
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
        transport.send(ClientMessageCodec.encode(control(MessageTypes.ACKNOWLEDGE, ack(message))));
        incoming.accept(message).forEach(this::handleInput);
      }
      default -> logger.debug("Ignoring {}", message);
    }
  }

  @Override
  public void transportClosed() {
    closed = true;
    outgoing.stop();
  }

  private void handleInput(ClientMessage message) {
    if (ending) {
      return;
    }
    switch (message.payloadType()) {
      case PayloadTypes.HANDSHAKE_RESPONSE -> handshakeResponse(message.payloadText());
      case PayloadTypes.OUTPUT -> {
        if (!handshakeDone) {
          return;
        }
        if (connection == null) {
          connection = EmulatedPort.connect(session.port(), session.taskId()).orElse(null);
          if (connection == null) {
            end(refused());
            return;
          }
        }
        output(connection.receive(message.payload()));
      }
      case PayloadTypes.FLAG -> flag(message.payload());
      default -> logger.debug("Ignoring input payload type {}", message.payloadType());
    }
  }

  private void handshakeResponse(String json) {
    if (handshakeDone) {
      return;
    }
    handshakeDone = true;
    String version = "";
    try {
      version = Json.text(Json.MAPPER.readTree(json), "ClientVersion", "");
    } catch (IOException e) {
      logger.debug("Unreadable HandshakeResponse {}", json);
    }
    long nanos = System.nanoTime() - openedNanos;
    outgoing.send(PayloadTypes.HANDSHAKE_COMPLETE, HandshakePayloads.complete(nanos));
    if (atLeast(version, MUX_CLIENT_VERSION)) {
      end(
          "client version "
              + version
              + " gets the multiplexed (smux) port protocol, which this emulator does not speak");
      return;
    }
    // The agent dials the port as the session starts and fails it when nothing listens.
    connection = EmulatedPort.connect(session.port(), session.taskId()).orElse(null);
    if (connection == null) {
      end(refused());
    }
  }

  private String refused() {
    return "Unable to connect to specified port: dial tcp 127.0.0.1:"
        + session.port()
        + ": connect: connection refused";
  }

  private void flag(byte[] payload) {
    int value = payload.length == 4 ? payload[3] : -1;
    if (value == DISCONNECT_TO_PORT) {
      connection = null; // the next bytes connect again, as the agent's reconnectToPort does
    } else if (value == TERMINATE_SESSION) {
      end("");
    }
  }

  private void output(byte[] bytes) {
    for (int from = 0; from < bytes.length; from += CHUNK) {
      outgoing.send(
          PayloadTypes.OUTPUT,
          Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK)));
    }
  }

  /** Ends the session once the output sent so far is acknowledged (or after a grace period). */
  private void end(String why) {
    if (ending) {
      return;
    }
    ending = true;
    Scheduler.Cancellable deadline = scheduler.schedule(CLOSE_GRACE, () -> sendClosed(why));
    outgoing.whenDrained(
        () -> {
          deadline.cancel();
          sendClosed(why);
        });
  }

  private void sendClosed(String why) {
    if (closed) {
      return;
    }
    byte[] payload = HandshakePayloads.channelClosed(session.sessionId(), scheduler.clock(), why);
    transport.send(ClientMessageCodec.encode(control(MessageTypes.CHANNEL_CLOSED, payload)));
    close();
  }

  private void close() {
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

  private static byte[] ack(ClientMessage received) {
    return HandshakePayloads.acknowledge(received);
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

  /** Whether dotted {@code version} is at least {@code floor} (unreadable parts count as 0). */
  static boolean atLeast(String version, int[] floor) {
    String[] parts = version.split("\\.");
    for (int i = 0; i < floor.length; i++) {
      int part = 0;
      if (i < parts.length) {
        try {
          part = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException e) {
          part = 0;
        }
      }
      if (part != floor[i]) {
        return part > floor[i];
      }
    }
    return true;
  }
}
