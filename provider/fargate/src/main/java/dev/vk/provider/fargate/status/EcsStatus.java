package dev.vk.provider.fargate.status;

import dev.vk.provider.CloudStates;

/**
 * An ECS task or container {@code lastStatus}/{@code desiredStatus}, the task lifecycle in order.
 * ECS reports them as strings; {@link #of} maps a value this code does not know to {@link #UNKNOWN}
 * so a new ECS state never throws.
 */
public enum EcsStatus {
  PROVISIONING,
  PENDING,
  ACTIVATING,
  RUNNING,
  DEACTIVATING,
  STOPPING,
  DEPROVISIONING,
  STOPPED,
  DELETED,
  UNKNOWN;

  /** The status named by an ECS string; {@link #UNKNOWN} for null or an unknown name. */
  public static EcsStatus of(String value) {
    return CloudStates.of(EcsStatus.class, value, UNKNOWN);
  }

  /** Whether a task in this state is being torn down or gone: it never runs again. */
  public boolean ending() {
    return compareTo(DEACTIVATING) >= 0 && this != UNKNOWN;
  }
}
