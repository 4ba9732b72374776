package dev.vk.emulator.ecs.logs;

/** One CloudWatch Logs event; times are epoch milliseconds. */
public record LogEvent(long timestamp, String message, long ingestionTime) {}
