package dev.vk.emulator.ecs.exec;

import dev.vk.emulator.ecs.exec.ExecSessions.PortSession;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import java.io.IOException;
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
  private static final int[] MUX_CLIENT_VERSION = {1, 1, 70};
  private static final int DISCONNECT_TO_PORT = 1;
  private static final int TERMINATE_SESSION = 2;

  private final PortSession session;
  private final Scheduler scheduler;
  private final AgentChannel channel;
  private final long openedNanos = System.nanoTime();
  private EmulatedPort connection;
  private boolean handshakeDone;
  private boolean ending;

  PortAgentSession(PortSession session, Scheduler scheduler, AgentSession.Transport transport) {
    this.session = session;
    this.scheduler = scheduler;
    this.channel = new AgentChannel(scheduler, transport);
  }

  @Override
  public void open(String openDataChannelInput) {
    channel.open(
        openDataChannelInput, session.token(), HandshakePayloads.portRequest(session.port()));
  }

  @Override
  public void receive(byte[] frame) {
    channel.receive(frame, this::handleInput);
  }

  @Override
  public void transportClosed() {
    channel.transportClosed();
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
        channel.output(connection.receive(message.payload()));
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
    channel.send(PayloadTypes.HANDSHAKE_COMPLETE, HandshakePayloads.complete(nanos));
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

  /** Ends the session once the output sent so far is acknowledged (or after a grace period). */
  private void end(String why) {
    if (ending) {
      return;
    }
    ending = true;
    channel.closeWhenDrained(
        () -> HandshakePayloads.channelClosed(session.sessionId(), scheduler.clock(), why));
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
