package dev.vk.provider.memory;

import jakarta.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * Hands out one instance of equal immutable values that many pods repeat. Every JSON or SDK
 * response read builds its own copies: each pod the node holds carried its own "default", its image
 * name, its labels' keys, "True" for each condition and the same few timestamps: a fifth of the
 * live heap at 1000 Fargate pods. A fixed table of slots picked by hash, not a map: a value takes
 * over its slot from whatever held it, so sharing costs a hash and an equals, the table never
 * grows, and a value seen once (a UID) stays only until its slot is taken again. Lossy by design: a
 * value whose slot was lost is kept as read, which is only a missed saving.
 *
 * <p>Thread-safe without locks; does not block.
 */
public final class SharedValues<T> {
  /** Strings of at most 64 characters: longer ones (tokens, certificates) are seldom repeated. */
  public static final SharedValues<String> STRINGS =
      new SharedValues<>(8192, s -> s.length() <= 64);

  /** Timestamps: a pod's conditions and its neighbours' mostly fall on the same seconds. */
  public static final SharedValues<OffsetDateTime> TIMES = new SharedValues<>(1024, t -> true);

  private final AtomicReferenceArray<T> slots;
  private final Predicate<T> worthSharing;

  /**
   * @param slots how many values the table holds at most; a power of two
   * @param worthSharing which values to share; the others are returned as they are
   */
  public SharedValues(int slots, Predicate<T> worthSharing) {
    if (slots <= 0 || Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    this.slots = new AtomicReferenceArray<>(slots);
    this.worthSharing = Objects.requireNonNull(worthSharing, "worthSharing");
  }

  /**
   * The instance this table holds equal to {@code value}, else {@code value}, which it then holds.
   * Null gives null.
   */
  public @Nullable T share(@Nullable T value) {
    if (value == null || !worthSharing.test(value)) {
      return value;
    }
    int h = value.hashCode();
    int slot = (h ^ (h >>> 16)) & (slots.length() - 1);
    // Plain reads and writes suffice: a slot holds an immutable value or null, and losing a race
    // only loses a saving.
    T held = slots.getPlain(slot);
    if (value.equals(held)) {
      return held;
    }
    slots.setPlain(slot, value);
    return value;
  }
}
