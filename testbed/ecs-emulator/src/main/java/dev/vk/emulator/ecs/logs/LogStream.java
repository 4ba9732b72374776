package dev.vk.emulator.ecs.logs;

import java.util.ArrayList;
import java.util.List;

/** A log stream: events in append order. Guarded by the {@link LogStore} lock. */
public final class LogStream {
  private final String name;
  private final String arn;
  private final long creationTime;
  private final List<LogEvent> events = new ArrayList<>();

  LogStream(String name, String arn, long creationTime) {
    this.name = name;
    this.arn = arn;
    this.creationTime = creationTime;
  }

  public String name() {
    return name;
  }

  public String arn() {
    return arn;
  }

  public long creationTime() {
    return creationTime;
  }

  List<LogEvent> events() {
    return events;
  }

  /** Timestamp of the newest event, or null when empty. */
  public Long lastEventTimestamp() {
    return events.isEmpty() ? null : events.get(events.size() - 1).timestamp();
  }

  public Long firstEventTimestamp() {
    return events.isEmpty() ? null : events.get(0).timestamp();
  }

  public Long lastIngestionTime() {
    return events.isEmpty() ? null : events.get(events.size() - 1).ingestionTime();
  }

  public long storedBytes() {
    return events.stream().mapToLong(e -> e.message().length() + 26L).sum();
  }
}
