package dev.vk.provider.fargate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.MessageTypes;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import dev.vk.provider.testkit.TestingClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A port session's framing against an in-memory agent: the basic-protocol client version, the
 * connection's bytes as Output chunks, the close of either side.
 */
class PortSessionTest {
  private final TestingClock clock = new TestingClock();
  private final FakeAgent agent = new FakeAgent(clock);
  private final DataChannelSession session =
      new DataChannelSession(agent, agent, clock, Payloads.BASIC_PORT_CLIENT_VERSION);

  @Test
  void presentsAClientVersionBelowTheAgentsMultiplexingThreshold() {
    session.receive(agent.handshakeRequest("SessionType"));

    JsonNode response = FakeAgent.json(agent.input().get(0).payload());
    assertThat(response.path("ClientVersion").asText()).isEqualTo("1.1.61.0");
    assertThat(Payloads.openDataChannel("t", session.clientVersion()))
        .contains("\"ClientVersion\":\"1.1.61.0\"");
  }

  @Test
  void clientBytesGoOutAsOutputChunksOfAtMost1024AndThenTheCloseFlagsInOrder() throws Exception {
    byte[] request = new byte[2500];
    for (int i = 0; i < request.length; i++) {
      request[i] = (byte) i; // binary, CR and LF included: nothing is translated
    }
    CompletableFuture<Void> forward = new CompletableFuture<>();

    // The client writes and closes before the handshake: all of it waits, in order.
    AtomicBoolean ended = new AtomicBoolean();
    new PortInputPump(new ByteArrayInputStream(request), session, forward, () -> ended.set(true))
        .run();
    assertThat(ended).isTrue();
    assertThat(agent.input()).isEmpty();
    session.receive(agent.handshakeRequest("SessionType"));
    session.receive(
        agent.data(1, PayloadTypes.HANDSHAKE_COMPLETE, "{\"HandshakeTimeToComplete\":1}"));

    var input = agent.input().subList(1, agent.input().size()); // after the handshake response
    assertThat(input)
        .extracting(ClientMessage::payloadType)
        .containsExactly(
            PayloadTypes.OUTPUT,
            PayloadTypes.OUTPUT,
            PayloadTypes.OUTPUT,
            PayloadTypes.FLAG,
            PayloadTypes.FLAG);
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    input.subList(0, 3).forEach(m -> sent.writeBytes(m.payload()));
    assertThat(sent.toByteArray()).isEqualTo(request);
    assertThat(input.get(0).payload()).hasSize(1024);
    assertThat(input.get(3).payload()).containsExactly(0, 0, 0, 1); // DisconnectToPort
    assertThat(input.get(4).payload()).containsExactly(0, 0, 0, 2); // TerminateSession
  }

  @Test
  void anInputPumpOfAFinishedForwardSendsNoCloseFlags() {
    handshake();
    CompletableFuture<Void> forward = CompletableFuture.completedFuture(null);

    new PortInputPump(new ByteArrayInputStream(new byte[] {1}), session, forward, () -> {}).run();

    assertThat(agent.input()).isEmpty();
  }

  @Test
  void portOutputPassesBytesUntouchedAndKeepsErrorsApart() throws IOException {
    ClosableBuffer client = new ClosableBuffer();
    PortOutput output = new PortOutput(client);

    output.stdout("a\r\nb".getBytes(StandardCharsets.UTF_8));
    output.stderr("Unable to connect to specified port\n".getBytes(StandardCharsets.UTF_8));
    output.close();
    output.close();
    output.stdout("late".getBytes(StandardCharsets.UTF_8));

    assertThat(client.toString(StandardCharsets.UTF_8)).isEqualTo("a\r\nb");
    assertThat(client.closes).isEqualTo(1);
    assertThat(output.errors()).isEqualTo("Unable to connect to specified port");
  }

  @Test
  void theAgentClosingTheChannelEndsTheSessionWithItsReason() throws Exception {
    handshake();
    session.receive(agent.data(2, PayloadTypes.OUTPUT, "HTTP/1.1 200 OK\r\n"));

    session.receive(agent.channelClosed("Unable to connect to specified port"));

    assertThat(session.result().get()).isZero();
    assertThat(agent.stdoutText()).isEqualTo("HTTP/1.1 200 OK\r\n");
    assertThat(agent.stderr.toString(StandardCharsets.UTF_8))
        .contains("Unable to connect to specified port");
  }

  /** Handshake done (agent's seq 0 request and seq 1 completion); the record cleared. */
  private void handshake() {
    session.receive(agent.control(MessageTypes.START_PUBLICATION, ""));
    session.receive(agent.handshakeRequest("SessionType"));
    session.receive(
        agent.data(1, PayloadTypes.HANDSHAKE_COMPLETE, "{\"HandshakeTimeToComplete\":1}"));
    ClientMessage response = agent.input().get(0);
    session.receive(agent.acknowledge(response));
    agent.clearSent();
  }

  private static final class ClosableBuffer extends ByteArrayOutputStream {
    int closes;

    @Override
    public void close() {
      closes++;
    }
  }
}
