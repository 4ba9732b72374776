package dev.vk.emulator.aci.lifecycle;

import java.time.Instant;

/**
 * An ACI instance-view event; repeated occurrences are folded into one entry with a count, as ACI
 * does.
 *
 * @param count occurrences
 * @param firstTimestamp first occurrence
 * @param lastTimestamp latest occurrence
 * @param name the reason, e.g. {@code Pulling}, {@code Started}
 * @param message human-readable text
 * @param type {@code Normal} or {@code Warning}
 */
public record Event(
    int count,
    Instant firstTimestamp,
    Instant lastTimestamp,
    String name,
    String message,
    String type) {}
