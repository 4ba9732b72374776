package dev.vk.node.pod;

import java.time.Duration;

/** What a work queue handler wants next for the key it processed. */
public sealed interface Outcome {
  /** Finished; forget the key's failures. */
  Outcome DONE = new Done();

  record Done() implements Outcome {}

  /** Failed; retry after an exponential backoff that is at least {@code atLeast}. */
  record Retry(String why, Duration atLeast) implements Outcome {}

  /** Not finished but not failing either; look again after {@code delay}. */
  record Again(Duration delay) implements Outcome {}

  static Outcome retry(String why) {
    return new Retry(why, Duration.ZERO);
  }

  static Outcome again(Duration delay) {
    return new Again(delay);
  }
}
