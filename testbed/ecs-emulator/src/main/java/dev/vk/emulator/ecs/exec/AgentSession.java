package dev.vk.emulator.ecs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.ecs.exec.ExecSessions.ExecSession;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.ClientMessageCodec;
import dev.vk.provider.fargate.ssm.MalformedMessageException;
import dev.vk.provider.fargate.ssm.MessageTypes;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import dev.vk.provider.mock.shell.ShellProcess;
import dev.vk.provider.mock.shell.ShellWords;
import dev.vk.provider.mock.shell.TinyShell;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent end of one ECS Exec data channel: token check, handshake, acknowledgements and resends,
 * terminal input and output, and the exit code. Transport-neutral and confined to one thread (the
 * WebSocket's event loop), so unit tests drive it directly. The command runs in the mock provider's
 * {@link TinyShell} over a TTY on its own thread; its output, its exit and the end of its sleeps
 * come back through the {@link Scheduler}, on the session's thread and clock.
 */
public final class AgentSession implements DataChannelAgent {
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
  private final ShellProcess shell;
  private final long openedNanos = System.nanoTime();
  private boolean opened;
  private boolean handshakeDone;
  private boolean closed;
  private boolean exitReported;

  public AgentSession(ExecSession session, Scheduler scheduler, Transport transport) {
    this.session = session;
    this.scheduler = scheduler;
    this.transport = transport;
    this.outgoing = new OutgoingStream(scheduler, transport::send);
    this.shell =
        new ShellProcess(
            TinyShell.builder()
                .env(session.environment())
                .files(session.files())
                .tty(true)
                .stdout(new SessionOutput())
                .sleeper(this::sleep));
  }

  /** Handles the first, text frame: OpenDataChannelInput carrying the token. */
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
    outgoing.send(PayloadTypes.HANDSHAKE_REQUEST, HandshakePayloads.request());
  }

  /** Handles one binary frame from the client. */
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
        transport.send(ClientMessageCodec.encode(acknowledgement(message)));
        incoming.accept(message).forEach(this::handleInput);
      }
      default -> logger.debug("Ignoring {}", message);
    }
  }

  /** The WebSocket went away: the command dies with the session. */
  @Override
  public void transportClosed() {
    closed = true;
    outgoing.stop();
    shell.kill();
  }

  private void handleInput(ClientMessage message) {
    switch (message.payloadType()) {
      case PayloadTypes.HANDSHAKE_RESPONSE -> {
        if (!handshakeDone) {
          handshakeDone = true;
          long nanos = System.nanoTime() - openedNanos;
          outgoing.send(PayloadTypes.HANDSHAKE_COMPLETE, HandshakePayloads.complete(nanos));
          shell.start(
              "ecs-exec-" + session.sessionId(),
              ShellWords.words(session.command(), name -> ""),
              status -> scheduler.schedule(Duration.ZERO, () -> exited(status)));
        }
      }
      case PayloadTypes.OUTPUT -> shell.type(message.payload());
      case PayloadTypes.SIZE -> resize(message.payloadText());
      case PayloadTypes.FLAG -> {
        if (message.payload().length == 4 && message.payload()[3] == 2) {
          shell.kill(); // TerminateSession
          exited(143);
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

  /** Waits for {@code duration} on the session's clock; called on the shell's thread. */
  private void sleep(Duration duration) throws InterruptedException {
    CountDownLatch due = new CountDownLatch(1);
    Scheduler.Cancellable timer = scheduler.schedule(duration, due::countDown);
    try {
      due.await();
    } catch (InterruptedException e) {
      timer.cancel();
      throw e;
    }
  }

  /** The terminal's output, handed from the shell's thread to the session's. */
  private final class SessionOutput extends OutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
      scheduler.schedule(Duration.ZERO, () -> output(copy));
    }
  }

  private void output(byte[] bytes) {
    if (closed) {
      return;
    }
    for (int from = 0; from < bytes.length; from += CHUNK) {
      byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK));
      outgoing.send(PayloadTypes.OUTPUT, chunk);
    }
  }

  private void exited(int status) {
    if (closed || exitReported) {
      return;
    }
    exitReported = true;
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
