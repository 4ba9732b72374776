package dev.vk.emulator.ecs.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.ecs.exec.ExecSessions.ExecSession;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.provider.fargate.ssm.ClientMessage;
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

  /** The WebSocket as the session sees it. */
  public interface Transport {
    void send(byte[] frame);

    void close();
  }

  private final ExecSession session;
  private final Scheduler scheduler;
  private final AgentChannel channel;
  private final ShellProcess shell;
  private final long openedNanos = System.nanoTime();
  private boolean handshakeDone;
  private boolean exitReported;

  public AgentSession(ExecSession session, Scheduler scheduler, Transport transport) {
    this.session = session;
    this.scheduler = scheduler;
    this.channel = new AgentChannel(scheduler, transport);
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
    channel.open(openDataChannelInput, session.token(), HandshakePayloads.request());
  }

  /** Handles one binary frame from the client. */
  @Override
  public void receive(byte[] frame) {
    channel.receive(frame, this::handleInput);
  }

  /** The WebSocket went away: the command dies with the session. */
  @Override
  public void transportClosed() {
    channel.transportClosed();
    shell.kill();
  }

  private void handleInput(ClientMessage message) {
    switch (message.payloadType()) {
      case PayloadTypes.HANDSHAKE_RESPONSE -> {
        if (!handshakeDone) {
          handshakeDone = true;
          long nanos = System.nanoTime() - openedNanos;
          channel.send(PayloadTypes.HANDSHAKE_COMPLETE, HandshakePayloads.complete(nanos));
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
    if (!channel.closed()) {
      channel.output(bytes);
    }
  }

  private void exited(int status) {
    if (channel.closed() || exitReported) {
      return;
    }
    exitReported = true;
    channel.send(PayloadTypes.EXIT_CODE, ("EXIT_CODE: " + status).getBytes(StandardCharsets.UTF_8));
    channel.closeWhenDrained(
        () -> HandshakePayloads.channelClosed(session.sessionId(), scheduler.clock()));
  }
}
