package dev.vk.provider.aci.status;

import dev.vk.provider.CloudStates;

/**
 * An ACI state string: a container's {@code currentState.state}, a group's instance-view {@code
 * state} or its {@code provisioningState}. ARM sends them in varying case; {@link #of} maps a state
 * this code does not know to {@link #UNKNOWN} so a new ACI state never throws.
 */
public enum AciState {
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
  public static AciState of(String value) {
    return CloudStates.of(AciState.class, value, UNKNOWN);
  }

  /** Whether a container in this state has ended (exited, stopped or its group finished). */
  boolean containerEnded() {
    return this == TERMINATED || this == SUCCEEDED || this == FAILED || this == STOPPED;
  }
}
