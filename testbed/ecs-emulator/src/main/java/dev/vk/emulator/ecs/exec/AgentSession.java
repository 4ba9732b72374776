package dev.vk.emulator.ecs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.ecs.exec.ExecSessions.ExecSession;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.shell.Shell;
import dev.vk.emulator.ecs.shell.ShellWords;
import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.ClientMessageCodec;
import dev.vk.provider.fargate.ssm.MalformedMessageException;
import dev.vk.provider.fargate.ssm.MessageTypes;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent end of one ECS Exec data channel: token check, handshake, acknowledgements and resends,
 * terminal input and output, and the exit code. Transport-neutral and confined to one thread (the
 * WebSocket's event loop), so unit tests drive it directly.
 */
public final class AgentSession implements LineDiscipline.Sink, Shell.Output {
  private static final Logger logger = LoggerFactory.getLogger(AgentSession.class);
  private static final int CHUNK = 1024;
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  /** The WebSocket as the session sees it. */
  public interface Transport {
    void send(byte[] frame);

    void close();
  }

  private final ExecSession session;
  private final Scheduler scheduler;
  private final Transport transport;
  private final OutgoingStream outgoing;
  private final IncomingStream incoming = new IncomingStream();
  private final LineDiscipline terminal = new LineDiscipline(this);
  private final Shell shell;
  private final long openedNanos = System.nanoTime();
  private boolean opened;
  private boolean handshakeDone;
  private boolean closed;

  public AgentSession(ExecSession session, Scheduler scheduler, Transport transport) {
    this.session = session;
    this.scheduler = scheduler;
    this.transport = transport;
    this.outgoing = new OutgoingStream(scheduler, transport::send);
    this.shell = new Shell(this, scheduler, session.environment(), this::exited);
  }

  /** Handles the first, text frame: OpenDataChannelInput carrying the token. */
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
    outgoing.send(PayloadTypes.HANDSHAKE_REQUEST, HandshakePayloads.request());
  }

  /** Handles one binary frame from the client. */
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
        transport.send(ClientMessageCodec.encode(acknowledgement(message)));
        incoming.accept(message).forEach(this::handleInput);
      }
      default -> logger.debug("Ignoring {}", message);
    }
  }

  /** The WebSocket went away: the command dies with the session. */
  public void transportClosed() {
    closed = true;
    outgoing.stop();
    shell.kill(129);
  }

  private void handleInput(ClientMessage message) {
    switch (message.payloadType()) {
      case PayloadTypes.HANDSHAKE_RESPONSE -> {
        if (!handshakeDone) {
          handshakeDone = true;
          long nanos = System.nanoTime() - openedNanos;
          outgoing.send(PayloadTypes.HANDSHAKE_COMPLETE, HandshakePayloads.complete(nanos));
          shell.start(ShellWords.words(session.command(), name -> ""));
        }
      }
      case PayloadTypes.OUTPUT -> terminal.feed(message.payloadText());
      case PayloadTypes.SIZE -> resize(message.payloadText());
      case PayloadTypes.FLAG -> {
        if (message.payload().length == 4 && message.payload()[3] == 2) {
          shell.kill(143); // TerminateSession
        }
      }
      default -> logger.debug("Ignoring input payload type {}", message.payloadType());
    }
  }

  private void resize(String json) {
    try {
      JsonNode size = Json.MAPPER.readTree(json);
      shell.resize(size.path("cols").asInt(80), size.path("rows").asInt(24));
    } catch (IOException e) {
      logger.debug("Unreadable size payload {}", json);
    }
  }

  @Override
  public void echo(String text) {
    output(text);
  }

  @Override
  public void line(String line) {
    shell.input(line);
  }

  @Override
  public void interrupt() {
    shell.interrupt();
  }

  @Override
  public void endOfInput() {
    shell.endOfInput();
  }

  @Override
  public void stdout(String text) {
    output(text.replace("\n", "\r\n")); // the pty's ONLCR
  }

  @Override
  public void stderr(String text) {
    stdout(text);
  }

  private void output(String text) {
    if (closed) {
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int from = 0; from < bytes.length; from += CHUNK) {
      byte[] chunk =
          java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK));
      outgoing.send(PayloadTypes.OUTPUT, chunk);
    }
  }

  private void exited(int status) {
    if (closed) {
      return;
    }
    outgoing.send(
        PayloadTypes.EXIT_CODE, ("EXIT_CODE: " + status).getBytes(StandardCharsets.UTF_8));
    Scheduler.Cancellable deadline = scheduler.schedule(CLOSE_GRACE, this::sendClosed);
    outgoing.whenDrained(
        () -> {
          deadline.cancel();
          sendClosed();
        });
  }

  private void sendClosed() {
    if (closed) {
      return;
    }
    byte[] payload = HandshakePayloads.channelClosed(session.sessionId(), scheduler.clock());
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
        java.util.UUID.randomUUID(),
        0,
        payload);
  }

  private ClientMessage acknowledgement(ClientMessage received) {
    return control(MessageTypes.ACKNOWLEDGE, HandshakePayloads.acknowledge(received));
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
