package dev.vk.provider.aci;

import java.util.Locale;

/**
 * An ACI state string: a container's {@code currentState.state}, a group's instance-view {@code
 * state} or its {@code provisioningState}. ARM sends them in varying case; {@link #of} maps a state
 * this code does not know to {@link #UNKNOWN} so a new ACI state never throws.
 */
enum AciState {
  RUNNING,
  WAITING,
  PENDING,
  SUCCEEDED,
  FAILED,
  CANCELED,
  TERMINATED,
  STOPPED,
  UNKNOWN;

  /** The state named by an ACI string, in any case; {@link #UNKNOWN} for null or unknown. */
  static AciState of(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return UNKNOWN;
    }
  }

  /** Whether a container in this state has ended (exited, stopped or its group finished). */
  boolean containerEnded() {
    return this == TERMINATED || this == SUCCEEDED || this == FAILED || this == STOPPED;
  }
}
