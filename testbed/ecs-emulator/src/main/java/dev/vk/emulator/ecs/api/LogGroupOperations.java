package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.logs.LogStore;
import dev.vk.emulator.ecs.logs.LogStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** CloudWatch Logs groups and streams: create, delete, describe. */
public final class LogGroupOperations {
  private final LogStore store;
  private final Clock clock;

  public LogGroupOperations(LogStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void register(OperationRegistry registry) {
    registry
        .add(AwsService.LOGS, "CreateLogGroup", this::createGroup)
        .add(AwsService.LOGS, "DeleteLogGroup", this::deleteGroup)
        .add(AwsService.LOGS, "DescribeLogGroups", this::describeGroups)
        .add(AwsService.LOGS, "CreateLogStream", this::createStream)
        .add(AwsService.LOGS, "DescribeLogStreams", this::describeStreams);
  }

  /** The group a request names by logGroupName or logGroupIdentifier (name or ARN). */
  static String groupName(ObjectNode request) {
    String name = Json.text(request, "logGroupName");
    if (name == null) {
      name = Json.text(request, "logGroupIdentifier");
      if (name != null && name.startsWith("arn:")) {
        name = name.substring(name.indexOf(":log-group:") + ":log-group:".length());
        name = name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
      }
    }
    if (name == null || name.isEmpty()) {
      throw AwsException.invalidParameter("Either logGroupName or logGroupIdentifier is required.");
    }
    return name;
  }

  private ObjectNode createGroup(ObjectNode request) {
    store.createGroup(groupName(request), clock.millis());
    return Json.object();
  }

  private ObjectNode deleteGroup(ObjectNode request) {
    store.deleteGroup(groupName(request));
    return Json.object();
  }

  private ObjectNode describeGroups(ObjectNode request) {
    String prefix = Json.text(request, "logGroupNamePrefix", "");
    ObjectNode response = Json.object();
    ArrayNode groups = response.putArray("logGroups");
    store.groups().stream()
        .filter(g -> g.name().startsWith(prefix))
        .forEach(
            g ->
                groups
                    .addObject()
                    .put("logGroupName", g.name())
                    .put("creationTime", g.creationTime())
                    .put("arn", g.arn())
                    .put("storedBytes", 0)
                    .put("metricFilterCount", 0)
                    .put("logGroupClass", "STANDARD"));
    return response;
  }

  private ObjectNode createStream(ObjectNode request) {
    String stream = Json.text(request, "logStreamName");
    if (stream == null || stream.isEmpty()) {
      throw AwsException.invalidParameter("logStreamName is required.");
    }
    store.createStream(groupName(request), stream, clock.millis());
    return Json.object();
  }

  private ObjectNode describeStreams(ObjectNode request) {
    String prefix = Json.text(request, "logStreamNamePrefix");
    boolean byTime = "LastEventTime".equals(Json.text(request, "orderBy"));
    if (byTime && prefix != null) {
      throw AwsException.invalidParameter(
          "Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    Integer limit = Json.integer(request, "limit");
    if (limit != null && (limit < 1 || limit > 50)) {
      throw AwsException.invalidParameter("limit must be between 1 and 50.");
    }
    Comparator<LogStream> order =
        byTime
            ? Comparator.comparing(
                (LogStream s) -> s.lastEventTimestamp() == null ? 0L : s.lastEventTimestamp())
            : Comparator.comparing(LogStream::name);
    if (Json.bool(request, "descending", false)) {
      order = order.reversed();
    }
    List<LogStream> streams =
        store.streams(groupName(request)).stream()
            .filter(s -> prefix == null || s.name().startsWith(prefix))
            .sorted(order)
            .toList();
    int from = OffsetToken.decode(Json.text(request, "nextToken"));
    int to = Math.min(streams.size(), from + (limit == null ? 50 : limit));
    ObjectNode response = Json.object();
    ArrayNode array = response.putArray("logStreams");
    for (LogStream stream : streams.subList(Math.min(from, to), to)) {
      ObjectNode json = array.addObject();
      json.put("logStreamName", stream.name());
      json.put("creationTime", stream.creationTime());
      if (stream.lastEventTimestamp() != null) {
        json.put("firstEventTimestamp", stream.firstEventTimestamp());
        json.put("lastEventTimestamp", stream.lastEventTimestamp());
        json.put("lastIngestionTime", stream.lastIngestionTime());
      }
      json.put("arn", stream.arn());
      json.put("storedBytes", 0);
    }
    if (to < streams.size()) {
      response.put("nextToken", OffsetToken.encode(to));
    }
    return response;
  }
}
