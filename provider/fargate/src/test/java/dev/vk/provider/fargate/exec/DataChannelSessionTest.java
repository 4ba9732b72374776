package dev.vk.provider.fargate.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.TerminalSize;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.MessageTypes;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import dev.vk.provider.testkit.TestingClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The session state machine against an in-memory agent, on a clock moved by hand. */
class DataChannelSessionTest {
  private final TestingClock clock = new TestingClock();
  private final FakeAgent agent = new FakeAgent(clock);
  private final DataChannelSession session = new DataChannelSession(agent, agent, clock);

  @Test
  void answersTheHandshakeRequestWithInputSequenceZeroAndAcknowledgesIt() {
    session.receive(agent.control(MessageTypes.START_PUBLICATION, ""));
    session.receive(agent.handshakeRequest("SessionType"));

    assertThat(agent.acknowledged()).containsExactly(0L);
    ClientMessage response = agent.input().get(0);
    assertThat(response.sequenceNumber()).isZero();
    assertThat(response.flags() & ClientMessage.SYN).isEqualTo(ClientMessage.SYN);
    assertThat(response.payloadType()).isEqualTo(PayloadTypes.HANDSHAKE_RESPONSE);
    JsonNode json = FakeAgent.json(response.payload());
    assertThat(json.path("ClientVersion").asText()).isNotEmpty();
    assertThat(json.at("/ProcessedClientActions/0/ActionType").asText()).isEqualTo("SessionType");
    assertThat(json.at("/ProcessedClientActions/0/ActionStatus").asInt()).isEqualTo(1);
  }

  @Test
  void holdsInputUntilTheHandshakeCompletesThenNumbersItAfterTheResponse() {
    session.input("ls\n".getBytes(StandardCharsets.UTF_8));
    session.resize(new TerminalSize(100, 30));
    session.receive(agent.handshakeRequest("SessionType"));
    assertThat(agent.input()).hasSize(1); // only the handshake response

    session.receive(
        agent.data(1, PayloadTypes.HANDSHAKE_COMPLETE, "{\"HandshakeTimeToComplete\":1}"));

    List<ClientMessage> input = agent.input();
    assertThat(input).extracting(ClientMessage::sequenceNumber).containsExactly(0L, 1L, 2L);
    assertThat(input.get(1).payloadType()).isEqualTo(PayloadTypes.OUTPUT);
    assertThat(input.get(1).payloadText()).isEqualTo("ls\n");
    assertThat(input.get(2).payloadType()).isEqualTo(PayloadTypes.SIZE);
  }

  @Test
  void sendsTheTerminalSizeAsColsAndRows() {
    handshake();

    session.resize(new TerminalSize(132, 43));

    ClientMessage size = agent.input().get(0);
    assertThat(size.payloadType()).isEqualTo(PayloadTypes.SIZE);
    JsonNode json = FakeAgent.json(size.payload());
    assertThat(json.path("cols").asInt()).isEqualTo(132);
    assertThat(json.path("rows").asInt()).isEqualTo(43);
  }

  @Test
  void resendsUnacknowledgedInputWithDoublingTimeoutUntilAcknowledged() {
    handshake();
    session.input("x".getBytes(StandardCharsets.UTF_8));
    ClientMessage first = agent.input().get(0);
    agent.clearSent();

    clock.advance(Duration.ofMillis(199));
    session.tick();
    assertThat(agent.input()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    session.tick();
    assertThat(agent.input()).containsExactly(first);
    clock.advance(Duration.ofMillis(300));
    session.tick();
    assertThat(agent.input()).hasSize(1); // the timeout doubled to 400 ms
    clock.advance(Duration.ofMillis(100));
    session.tick();
    assertThat(agent.input()).hasSize(2);

    session.receive(agent.acknowledge(first));
    clock.advance(Duration.ofSeconds(5));
    session.tick();
    assertThat(agent.input()).hasSize(2);
  }

  @Test
  void givesUpWhenTheAgentAcknowledgesNothingForAMinute() {
    handshake();
    session.input("x".getBytes(StandardCharsets.UTF_8));

    clock.advance(DataChannelSession.GIVE_UP.plusSeconds(1));
    session.tick();

    assertThat(failure().kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
  }

  @Test
  void deliversOutputInSequenceOrderDroppingRepeatsAndAcknowledgingEach() {
    handshake();

    session.receive(agent.data(4, PayloadTypes.OUTPUT, "d"));
    session.receive(agent.data(3, PayloadTypes.OUTPUT, "c"));
    session.receive(agent.data(3, PayloadTypes.OUTPUT, "c"));
    assertThat(agent.stdoutText()).isEmpty();
    session.receive(agent.data(2, PayloadTypes.OUTPUT, "b"));
    session.receive(agent.data(1, PayloadTypes.OUTPUT, "X")); // a resend of the completion

    assertThat(agent.stdoutText()).isEqualTo("bcd");
    assertThat(agent.acknowledged()).containsExactly(4L, 3L, 3L, 2L, 1L);
  }

  @Test
  void writesErrorPayloadsToStderr() {
    handshake();

    session.receive(agent.data(2, PayloadTypes.STDERR, "oops"));

    assertThat(agent.stderr.toString(StandardCharsets.UTF_8)).isEqualTo("oops");
    assertThat(agent.stdoutText()).isEmpty();
  }

  @Test
  void completesWithTheReportedExitCodeWhenTheChannelCloses() throws Exception {
    handshake();
    session.receive(agent.data(2, PayloadTypes.EXIT_CODE, "EXIT_CODE: 3"));
    assertThat(session.result()).isNotDone();

    session.receive(agent.channelClosed(""));

    assertThat(session.result().get()).isEqualTo(3);
  }

  @Test
  void completesWithZeroWhenTheChannelClosesWithoutAnExitCode() throws Exception {
    handshake();

    session.receive(agent.channelClosed("Session ended"));

    assertThat(session.result().get()).isZero();
    assertThat(agent.stderr.toString(StandardCharsets.UTF_8)).isEqualTo("Session ended\n");
  }

  @Test
  void anAbnormalCloseBeforeTheEndIsAnUnavailableChannel() {
    handshake();

    session.transportClosed(1006, "", null);

    assertThat(failure().kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
  }

  @Test
  void refusesKmsEncryptionAndFailsAsUnsupported() {
    session.receive(agent.handshakeRequest("SessionType", "KMSEncryption"));

    JsonNode response = FakeAgent.json(agent.input().get(0).payload());
    assertThat(response.at("/ProcessedClientActions/1/ActionStatus").asInt()).isEqualTo(2);
    assertThat(failure().kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
    assertThat(failure().getMessage()).contains("KMS");
  }

  @Test
  void endOfInputWithoutTtyTypesCtrlDTwiceAfterAPartialLine() {
    handshake();
    session.input("partial".getBytes(StandardCharsets.UTF_8));

    session.endOfInput(false);
    session.endOfInput(true);

    assertThat(agent.input())
        .extracting(ClientMessage::payloadText)
        .containsExactly("partial", "\u0004\u0004");
  }

  @Test
  void pausedPublicationHoldsInputUntilStarted() {
    handshake();
    session.receive(agent.control(MessageTypes.PAUSE_PUBLICATION, ""));
    session.input("a".getBytes(StandardCharsets.UTF_8));
    assertThat(agent.input()).isEmpty();

    session.receive(agent.control(MessageTypes.START_PUBLICATION, ""));

    assertThat(agent.input()).extracting(ClientMessage::payloadText).containsExactly("a");
  }

  @Test
  void terminateAsksTheAgentToEndTheSession() {
    handshake();

    session.terminate();
    session.input("ignored".getBytes(StandardCharsets.UTF_8));

    assertThat(agent.input()).hasSize(1);
    assertThat(agent.input().get(0).payloadType()).isEqualTo(PayloadTypes.FLAG);
    assertThat(agent.input().get(0).payload()).containsExactly(0, 0, 0, 2);
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

  private ProviderException failure() {
    Throwable error = catchThrowable(() -> session.result().get());
    assertThat(error).isInstanceOf(ExecutionException.class);
    assertThat(error.getCause()).isInstanceOf(ProviderException.class);
    return (ProviderException) error.getCause();
  }
}
