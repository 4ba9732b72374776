package dev.vk.provider;

import java.util.Locale;

/** Reads a cloud's state strings into a provider's enum without failing on states it adds later. */
public final class CloudStates {
  private CloudStates() {}

  /**
   * The constant named by {@code value} in any case, or {@code unknown} for null or a name the enum
   * lacks. Idempotent, never blocks.
   */
  public static <E extends Enum<E>> E of(Class<E> type, String value, E unknown) {
    if (value == null) {
      return unknown;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException notNamed) {
      return unknown;
    }
  }
}
