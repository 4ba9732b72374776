package dev.vk.emulator.aci.lifecycle;

import java.util.Locale;

/** ACI's {@code restartPolicy}: which container exits lead to a restart. */
public enum RestartPolicy {
  /** Restart after every exit. */
  ALWAYS("Always"),
  /** Restart only after a non-zero exit code. */
  ON_FAILURE("OnFailure"),
  /** Never restart. */
  NEVER("Never");

  private final String wireName;

  RestartPolicy(String wireName) {
    this.wireName = wireName;
  }

  /** The value as ACI spells it. */
  public String wireName() {
    return wireName;
  }

  /** Whether a container that exited with {@code exitCode} is started again. */
  public boolean restarts(int exitCode) {
    return this == ALWAYS || (this == ON_FAILURE && exitCode != 0);
  }

  /** Parses ACI's spelling case-insensitively; ACI defaults to {@code Always}. */
  public static RestartPolicy fromWire(String value) {
    if (value == null) {
      return ALWAYS;
    }
    for (RestartPolicy policy : values()) {
      if (policy.wireName.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
        return policy;
      }
    }
    throw new IllegalArgumentException(value);
  }

  /** The canonical spelling, for comparing two bodies; unknown values are returned unchanged. */
  public static String fromWireOrNull(String value) {
    try {
      return fromWire(value).wireName;
    } catch (IllegalArgumentException unknown) {
      return value;
    }
  }
}
