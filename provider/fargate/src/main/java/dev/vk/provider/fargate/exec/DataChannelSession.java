package dev.vk.provider.fargate.exec;

import dev.vk.kubelet.types.TerminalSize;
import dev.vk.provider.fargate.ecs.EcsErrors;
import dev.vk.provider.fargate.ssm.ClientMessage;
import dev.vk.provider.fargate.ssm.ClientMessageCodec;
import dev.vk.provider.fargate.ssm.MalformedMessageException;
import dev.vk.provider.fargate.ssm.MessageTypes;
import dev.vk.provider.fargate.ssm.PayloadTypes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client end of one ECS Exec data channel, transport-free: handshake, acknowledgements both
 * ways, input numbering and resends, in-order output, the exit code and the end. Frames go out
 * through {@link Wire} (must not block); output goes to {@link Output} outside the lock, in stream
 * order, so that {@link #receive} blocks while the client reads slowly (backpressure on the
 * socket). Thread-safe; {@link #receive} must be called by one thread at a time (the socket's
 * listener), the other methods from any thread.
 */
final class DataChannelSession {
  private static final Logger logger = LoggerFactory.getLogger(DataChannelSession.class);

  /** The plugin's StreamDataPayloadSize: input is sent in chunks of at most this many bytes. */
  static final int CHUNK = 1024;

  /** How long input may stay unacknowledged before the session is given up. */
  static final Duration GIVE_UP = Duration.ofMinutes(1);

  /** Where frames go; implementations queue, never block. */
  interface Wire {
    void send(byte[] frame);
  }

  /** Where the command's output goes; may block. */
  interface Output {
    void stdout(byte[] bytes);

    void stderr(byte[] bytes);
  }

  private record Chunk(boolean error, byte[] bytes) {}

  private record Held(int payloadType, byte[] payload) {}

  private final Wire wire;
  private final Output output;
  private final Clock clock;
  private final String clientVersion;
  private final OutgoingStream outgoing;
  private final IncomingStream incoming = new IncomingStream();
  private final InputEnd inputEnd = new InputEnd();
  private final List<Held> held = new ArrayList<>();
  private final CompletableFuture<Integer> result = new CompletableFuture<>();
  private boolean handshakeComplete;
  private boolean paused;
  private boolean ended;
  private Integer exitCode;

  DataChannelSession(Wire wire, Output output, Clock clock) {
    this(wire, output, clock, Payloads.CLIENT_VERSION);
  }

  /** A session presenting {@code clientVersion} in the token frame and the handshake. */
  DataChannelSession(Wire wire, Output output, Clock clock, String clientVersion) {
    this.wire = wire;
    this.output = output;
    this.clock = clock;
    this.clientVersion = clientVersion;
    this.outgoing = new OutgoingStream(clock);
  }

  /** Completes with the exit status when the session ends; {@link #terminate} ends it early. */
  CompletableFuture<Integer> result() {
    return result;
  }

  /** Handles one binary frame from the agent; blocks while its output is written. */
  void receive(byte[] frame) {
    List<Chunk> chunks = new ArrayList<>();
    ExecOutcome outcome;
    synchronized (this) {
      outcome = handle(frame, chunks);
    }
    for (Chunk c : chunks) {
      if (c.error()) {
        output.stderr(c.bytes());
      } else {
        output.stdout(c.bytes());
      }
    }
    settle(outcome);
  }

  /** Sends keystrokes or piped stdin (held until the handshake completes). Does not block. */
  synchronized void input(byte[] bytes) {
    for (int from = 0; from < bytes.length; from += CHUNK) {
      byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK));
      inputEnd.sent(chunk);
      sendData(PayloadTypes.OUTPUT, chunk);
    }
  }

  /**
   * Stdin ended. The protocol has no end-of-input message, and the command reads a terminal, so
   * without a TTY this types what ends input on a terminal: EOT (Ctrl-D), twice after a partial
   * line (the first only hands that line over). With a TTY nothing is sent: the user's own Ctrl-D
   * is already in the keystrokes. Does not block.
   */
  synchronized void endOfInput(boolean tty) {
    if (!tty) {
      sendData(PayloadTypes.OUTPUT, inputEnd.endOfTransmission());
    }
  }

  /**
   * A port session's client connection ended: tells the agent (DisconnectToPort, so it closes its
   * connection to the port) and asks it to end the session (TerminateSession), in that order after
   * any input still held. The basic port protocol has no half-close. Does not block.
   */
  synchronized void endOfPortInput() {
    sendData(PayloadTypes.FLAG, Payloads.flag(Payloads.DISCONNECT_TO_PORT));
    sendData(PayloadTypes.FLAG, Payloads.flag(Payloads.TERMINATE_SESSION));
  }

  /** The version this client presents to the agent. */
  String clientVersion() {
    return clientVersion;
  }

  /** Sends a terminal size (held until the handshake completes). Does not block. */
  synchronized void resize(TerminalSize size) {
    sendData(PayloadTypes.SIZE, Payloads.size(size));
  }

  /**
   * Resends input whose timeout passed; ends the session once the agent stopped answering. Does not
   * block.
   */
  void tick() {
    ExecOutcome outcome = null;
    synchronized (this) {
      if (!ended && !paused) {
        outgoing.due().forEach(wire::send);
        if (outgoing.oldestWait().filter(w -> w.compareTo(GIVE_UP) > 0).isPresent()) {
          outcome =
              end(
                  ExecOutcome.failed(
                      EcsErrors.execChannel(
                          "the agent acknowledged no input for " + GIVE_UP.toSeconds() + " s",
                          null)));
        }
      }
    }
    settle(outcome);
  }

  /** Asks the agent to end the session (the client went away); no further input is sent. */
  synchronized void terminate() {
    if (!ended && handshakeComplete) {
      wire.send(outgoing.next(PayloadTypes.FLAG, Payloads.flag(Payloads.TERMINATE_SESSION)));
    }
    ended = true;
  }

  /**
   * The socket closed. The exit code wins if the agent sent one; a normal close means the session
   * ended (real ECS Exec sends no exit code: 0); anything else is a lost channel.
   */
  void transportClosed(int statusCode, String reason, Throwable error) {
    ExecOutcome outcome;
    synchronized (this) {
      if (exitCode != null || (error == null && statusCode == 1000)) {
        outcome = end(ExecOutcome.exited(exitCode == null ? 0 : exitCode));
      } else {
        String detail =
            error != null
                ? "failed: " + error.getMessage()
                : "closed (" + statusCode + " " + reason + ") before the command ended";
        outcome = end(ExecOutcome.failed(EcsErrors.execChannel(detail, error)));
      }
    }
    settle(outcome);
  }

  private ExecOutcome handle(byte[] frame, List<Chunk> chunks) {
    if (ended) {
      return null;
    }
    ClientMessage message;
    try {
      message = ClientMessageCodec.decode(frame);
    } catch (MalformedMessageException e) {
      logger.debug("Dropping malformed data channel frame: {}", e.getMessage());
      return null;
    }
    switch (message.messageType()) {
      case MessageTypes.OUTPUT_STREAM_DATA -> {
        return handleData(message, chunks);
      }
      case MessageTypes.ACKNOWLEDGE ->
          Payloads.acknowledgedSequence(message.payload()).ifPresent(outgoing::acknowledge);
      case MessageTypes.CHANNEL_CLOSED -> {
        String text = Payloads.closedOutput(message.payload());
        if (!text.isBlank()) {
          chunks.add(new Chunk(true, (text + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return end(ExecOutcome.exited(exitCode == null ? 0 : exitCode));
      }
      case MessageTypes.PAUSE_PUBLICATION -> paused = true;
      case MessageTypes.START_PUBLICATION -> {
        paused = false;
        flushHeld();
      }
      default -> logger.debug("Ignoring {}", message);
    }
    return null;
  }

  private ExecOutcome handleData(ClientMessage message, List<Chunk> chunks) {
    IncomingStream.Verdict verdict = incoming.classify(message);
    if (verdict == IncomingStream.Verdict.REFUSED) {
      return null;
    }
    wire.send(ClientMessageCodec.encode(Payloads.acknowledgement(message, clock.millis())));
    if (verdict == IncomingStream.Verdict.REPEAT) {
      return null;
    }
    for (ClientMessage m : incoming.accept(message)) {
      ExecOutcome outcome = handlePayload(m, chunks);
      if (outcome != null) {
        return outcome;
      }
    }
    return null;
  }

  private ExecOutcome handlePayload(ClientMessage message, List<Chunk> chunks) {
    switch (message.payloadType()) {
      case PayloadTypes.HANDSHAKE_REQUEST -> {
        Handshake.Answer answer = Handshake.answer(message.payload(), clientVersion);
        wire.send(outgoing.next(PayloadTypes.HANDSHAKE_RESPONSE, answer.response()));
        if (answer.refusal().isPresent()) {
          return end(ExecOutcome.failed(EcsErrors.execUnsupported(answer.refusal().get())));
        }
      }
      case PayloadTypes.HANDSHAKE_COMPLETE -> {
        handshakeComplete = true;
        flushHeld();
      }
      case PayloadTypes.OUTPUT -> chunks.add(new Chunk(false, message.payload()));
      case PayloadTypes.ERROR, PayloadTypes.STDERR ->
          chunks.add(new Chunk(true, message.payload()));
      case PayloadTypes.EXIT_CODE ->
          Payloads.exitCode(message.payload())
              .ifPresentOrElse(
                  code -> exitCode = code,
                  () -> logger.debug("Unreadable exit code {}", message.payloadText()));
      default -> logger.debug("Ignoring output payload type {}", message.payloadType());
    }
    return null;
  }

  private void sendData(int payloadType, byte[] payload) {
    if (ended) {
      return;
    }
    if (!handshakeComplete || paused) {
      held.add(new Held(payloadType, payload));
    } else {
      wire.send(outgoing.next(payloadType, payload));
    }
  }

  private void flushHeld() {
    if (handshakeComplete && !paused) {
      List<Held> waiting = List.copyOf(held);
      held.clear();
      waiting.forEach(h -> sendData(h.payloadType(), h.payload()));
    }
  }

  private ExecOutcome end(ExecOutcome outcome) {
    if (ended) {
      return null;
    }
    ended = true;
    return outcome;
  }

  private void settle(ExecOutcome outcome) {
    if (outcome == null) {
      return;
    }
    if (outcome.failure() != null) {
      result.completeExceptionally(outcome.failure());
    } else {
      result.complete(outcome.exitCode());
    }
  }
}
