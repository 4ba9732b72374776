package dev.vk.emulator.ecs.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.exec.ExecSessions.ExecSession;
import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.emulator.ecs.time.VirtualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgentSessionTest {
  private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2025-01-01T00:00:00Z"));
  private final ClientProtocol client = new ClientProtocol();
  private final Deque<byte[]> toClient = new ArrayDeque<>();
  private boolean transportClosed;

  /**
   * The delays the session scheduled, e.g. its shell's sleeps (scheduled from the shell thread).
   */
  private final List<Duration> delays = new CopyOnWriteArrayList<>();

  private final Scheduler scheduler =
      new Scheduler() {
        @Override
        public Clock clock() {
          return time.clock();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
          delays.add(delay);
          return time.schedule(delay, action);
        }
      };

  private AgentSession session(String command) {
    ExecSession session =
        new ExecSession(
            "ecs-execute-command-0123",
            "secret",
            "arn",
            "main",
            command,
            Map.of("HOSTNAME", "ip-10-0-0-5"));
    return new AgentSession(
        session,
        scheduler,
        new AgentSession.Transport() {
          @Override
          public void send(byte[] frame) {
            toClient.add(frame);
          }

          @Override
          public void close() {
            transportClosed = true;
          }
        });
  }

  /**
   * Runs what the shell thread handed to the session so far, then delivers everything the agent
   * sent to the client, and the client's replies back.
   */
  private void pump(AgentSession agent) {
    time.advance(Duration.ZERO);
    while (!toClient.isEmpty()) {
      for (byte[] reply : client.receive(toClient.poll())) {
        agent.receive(reply);
      }
      time.advance(Duration.ZERO);
    }
  }

  /** Pumps until {@code condition} holds: the shell runs on its own thread. */
  private void pumpUntil(AgentSession agent, BooleanSupplier condition) {
    await()
        .until(
            () -> {
              pump(agent);
              return condition.getAsBoolean();
            });
  }

  /** Lets time pass in 100 ms steps, delivering messages after each, like a live connection. */
  private void stepAndPump(AgentSession agent, int steps) {
    for (int i = 0; i < steps; i++) {
      time.advance(Duration.ofMillis(100));
      pump(agent);
    }
  }

  private AgentSession open(String command) {
    AgentSession agent = session(command);
    agent.open(ClientProtocol.openDataChannel("secret"));
    pump(agent);
    return agent;
  }

  @Test
  @DisplayName("echo hi: handshake, output with terminal line ends, exit code 0, channel closed")
  void echo() {
    AgentSession agent = open("echo hi");
    pumpUntil(agent, client::closed);

    assertThat(client.handshakeSessionTypes()).containsExactly("InteractiveCommands");
    assertThat(client.handshakeComplete()).isTrue();
    assertThat(client.output()).isEqualTo("hi\r\n");
    assertThat(client.exitCode()).isZero();
    assertThat(client.closed()).isTrue();
    assertThat(transportClosed).isTrue();
  }

  @Test
  @DisplayName("sh -c 'exit 3' reports exit code 3")
  void exitCode() {
    AgentSession agent = open("sh -c 'exit 3'");
    pumpUntil(agent, () -> client.exitCode() != null);

    assertThat(client.exitCode()).isEqualTo(3);
  }

  @Test
  @DisplayName("a wrong token closes the channel without a handshake")
  void wrongToken() {
    AgentSession agent = session("echo hi");
    agent.open(ClientProtocol.openDataChannel("wrong"));

    assertThat(transportClosed).isTrue();
    assertThat(toClient).isEmpty();
  }

  @Test
  @DisplayName("cat echoes stdin lines (plus the terminal's echo) until Ctrl-D")
  void catEchoesInput() {
    AgentSession agent = open("cat");

    agent.receive(client.keys("hello\r"));
    pumpUntil(agent, () -> client.output().equals("hello\r\nhello\r\n"));
    agent.receive(client.keys("\u0004"));
    pumpUntil(agent, () -> client.exitCode() != null);

    assertThat(client.output()).isEqualTo("hello\r\nhello\r\n");
    assertThat(client.exitCode()).isZero();
    assertThat(client.acknowledgementsReceived()).isEqualTo(3); // handshake response + 2 inputs
  }

  @Test
  @DisplayName("interactive /bin/sh runs lines until exit N, and stty size follows resizes")
  void interactiveShell() {
    AgentSession agent = open("/bin/sh");
    agent.receive(client.size(132, 43));
    for (String line : List.of("stty size\r", "exit 7\r")) {
      agent.receive(client.keys(line));
      pump(agent);
    }
    pumpUntil(agent, () -> client.exitCode() != null);

    assertThat(client.output()).contains("# stty size\r\n43 132\r\n# exit 7\r\n");
    assertThat(client.exitCode()).isEqualTo(7);
  }

  @Test
  @DisplayName("sleep runs on the session clock and Ctrl-C interrupts it with 130")
  void sleepAndInterrupt() {
    AgentSession agent = open("sleep 30");
    await().until(() -> delays.contains(Duration.ofSeconds(30)));
    time.advance(Duration.ofSeconds(10));
    pump(agent);
    assertThat(client.exitCode()).isNull();

    agent.receive(client.keys("\u0003"));
    pumpUntil(agent, () -> client.exitCode() != null);

    assertThat(client.exitCode()).isEqualTo(130);
  }

  @Test
  @DisplayName("unacknowledged output is resent until the client acknowledges it")
  void resendUntilAcknowledged() {
    AgentSession agent = session("sleep 5");
    agent.open(ClientProtocol.openDataChannel("secret"));
    client.dropAcknowledgements = true;
    pump(agent);
    time.advance(Duration.ofMillis(350));
    pump(agent);
    assertThat(client.resendsSeen()).isPositive();

    client.dropAcknowledgements = false;
    stepAndPump(agent, 20);
    int resends = client.resendsSeen();
    stepAndPump(agent, 40);

    assertThat(client.resendsSeen()).isEqualTo(resends);
    await()
        .until(
            () -> {
              stepAndPump(agent, 1); // the sleep's timer may have started late, on its own thread
              return client.exitCode() != null;
            });
    assertThat(client.exitCode()).isZero();
  }
}
