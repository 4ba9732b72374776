package dev.vk.emulator.ecs.logs;

import dev.vk.emulator.ecs.http.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** CloudWatch Logs groups and streams. Thread-safe: every method locks the store. */
public final class LogStore {
  private final String arnPrefix;
  private final Map<String, Group> groups = new TreeMap<>();

  public LogStore(String region, String accountId) {
    this.arnPrefix = "arn:aws:logs:" + region + ":" + accountId + ":log-group:";
  }

  /** A log group and its streams, sorted by name as DescribeLogStreams lists them. */
  public record Group(String name, String arn, long creationTime, Map<String, LogStream> streams) {}

  public synchronized Group createGroup(String name, long now) {
    if (groups.containsKey(name)) {
      throw AwsException.alreadyExists("The specified log group already exists");
    }
    Group group = new Group(name, arnPrefix + name + ":*", now, new TreeMap<>());
    groups.put(name, group);
    return group;
  }

  public synchronized void deleteGroup(String name) {
    if (groups.remove(name) == null) {
      throw missingGroup();
    }
  }

  public synchronized boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  public synchronized List<Group> groups() {
    return new ArrayList<>(groups.values());
  }

  public synchronized LogStream createStream(String groupName, String streamName, long now) {
    Group group = group(groupName);
    if (group.streams().containsKey(streamName)) {
      throw AwsException.alreadyExists("The specified log stream already exists");
    }
    LogStream stream =
        new LogStream(streamName, arnPrefix + groupName + ":log-stream:" + streamName, now);
    group.streams().put(streamName, stream);
    return stream;
  }

  /** Streams of a group, by name. */
  public synchronized List<LogStream> streams(String groupName) {
    return new ArrayList<>(group(groupName).streams().values());
  }

  /** Appends events to an existing stream. */
  public synchronized void append(String groupName, String streamName, List<LogEvent> events) {
    stream(groupName, streamName).events().addAll(events);
  }

  /** A copy of a stream's events, oldest first. */
  public synchronized List<LogEvent> events(String groupName, String streamName) {
    return List.copyOf(stream(groupName, streamName).events());
  }

  private LogStream stream(String groupName, String streamName) {
    LogStream stream = group(groupName).streams().get(streamName);
    if (stream == null) {
      throw AwsException.resourceNotFound("The specified log stream does not exist.");
    }
    return stream;
  }

  private Group group(String name) {
    Group group = groups.get(name);
    if (group == null) {
      throw missingGroup();
    }
    return group;
  }

  private static AwsException missingGroup() {
    return AwsException.resourceNotFound("The specified log group does not exist.");
  }
}
