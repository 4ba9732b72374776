package dev.vk.emulator.aci.lifecycle;

import java.time.Instant;

/**
 * An out-of-band exit: the container running at {@code at} stops with {@code exitCode}.
 *
 * @param at when the process was killed
 * @param exitCode the exit code it reports (137 for SIGKILL)
 */
public record Kill(Instant at, int exitCode) {}
