package dev.vk.emulator.aci.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The timeline of received calls, with per-operation counts. Thread-safe. */
public final class Calls {

  private final List<Call> calls = new ArrayList<>();
  private final Clock clock;
  private long cleared;

  /** A recorder stamping calls with {@code clock}. */
  public Calls(Clock clock) {
    this.clock = clock;
  }

  /** Records an arriving call; returns its sequence number for {@link #complete}. */
  public synchronized long begin(String operation, String method, String uri) {
    return begin(operation, method, uri, null);
  }

  /**
   * Records an arriving call that came on a connection opened at {@code connectedAt} (null when the
   * connection carried calls before); returns its sequence number for {@link #complete}.
   */
  public synchronized long begin(String operation, String method, String uri, Instant connectedAt) {
    long sequence = cleared + calls.size() + 1L;
    calls.add(
        new Call(sequence, clock.instant(), operation, method, uri, 0, false, null, connectedAt));
    return sequence;
  }

  /** The emulator's clock, for stamping connections. */
  public Instant now() {
    return clock.instant();
  }

  /** Records the response to a call; {@code retryAfterSeconds} is 0 unless it was a 429. */
  public synchronized void complete(
      long sequence, int status, boolean injected, long retryAfterSeconds) {
    int index = (int) (sequence - 1 - cleared);
    if (index < 0 || index >= calls.size()) {
      return; // reset while the call was in flight
    }
    Call c = calls.get(index);
    Instant notBefore = status == 429 ? clock.instant().plusSeconds(retryAfterSeconds) : null;
    calls.set(
        index,
        new Call(
            c.sequence(),
            c.receivedAt(),
            c.operation(),
            c.method(),
            c.uri(),
            status,
            injected,
            notBefore,
            c.connectedAt()));
  }

  /** Every call so far, in arrival order. */
  public synchronized List<Call> timeline() {
    return List.copyOf(calls);
  }

  /** The calls of one operation, in arrival order. */
  public synchronized List<Call> timeline(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  /** How many calls an operation received. */
  public synchronized long count(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).count();
  }

  /** Calls per operation. */
  public synchronized Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    calls.forEach(c -> counts.merge(c.operation(), 1L, Long::sum));
    return counts;
  }

  /**
   * Calls that arrived before the {@code Retry-After} of an earlier 429 of the same operation had
   * elapsed: a well-behaved client produces none.
   */
  public synchronized List<Call> retryAfterViolations() {
    return retryAfterViolations(Duration.ZERO);
  }

  /**
   * Like {@link #retryAfterViolations()}, but a call sent (see {@link Call#sentBy()}) less than
   * {@code inFlight} after the 429 was answered is not counted: a client with concurrent requests
   * had already sent it.
   */
  public synchronized List<Call> retryAfterViolations(Duration inFlight) {
    List<Call> violations = new ArrayList<>();
    Map<String, Call> throttledBy = new LinkedHashMap<>();
    for (Call call : calls) {
      Call throttle = throttledBy.get(call.operation());
      if (throttle != null
          && call.receivedAt().isBefore(throttle.retryNotBefore())
          && !call.sentBy().isBefore(throttle.receivedAt().plus(inFlight))) {
        violations.add(call);
      }
      if (call.retryNotBefore() != null) {
        throttledBy.put(call.operation(), call);
      }
    }
    return violations;
  }

  /** Forgets every call. */
  public synchronized void reset() {
    cleared += calls.size();
    calls.clear();
  }
}
