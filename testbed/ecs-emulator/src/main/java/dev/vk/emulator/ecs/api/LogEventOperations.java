package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.logs.LogEvent;
import dev.vk.emulator.ecs.logs.LogEventsPager;
import dev.vk.emulator.ecs.logs.LogStore;
import dev.vk.emulator.ecs.logs.LogStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** PutLogEvents, GetLogEvents and FilterLogEvents. */
public final class LogEventOperations {
  private final LogStore store;
  private final Clock clock;

  public LogEventOperations(LogStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void register(OperationRegistry registry) {
    registry
        .add(AwsService.LOGS, "PutLogEvents", this::put)
        .add(AwsService.LOGS, "GetLogEvents", this::get)
        .add(AwsService.LOGS, "FilterLogEvents", this::filter);
  }

  private ObjectNode put(ObjectNode request) {
    long now = clock.millis();
    List<LogEvent> events = new ArrayList<>();
    for (JsonNode event : Json.elements(request, "logEvents")) {
      events.add(
          new LogEvent(event.path("timestamp").asLong(), Json.text(event, "message", ""), now));
    }
    events.sort(Comparator.comparingLong(LogEvent::timestamp));
    store.append(LogGroupOperations.groupName(request), streamName(request), events);
    ObjectNode response = Json.object();
    response.put("nextSequenceToken", Long.toString(now));
    return response;
  }

  private ObjectNode get(ObjectNode request) {
    List<LogEvent> events =
        store.events(LogGroupOperations.groupName(request), streamName(request));
    Integer limit = Json.integer(request, "limit");
    LogEventsPager.Page page =
        LogEventsPager.page(
            events,
            Json.longValue(request, "startTime"),
            Json.longValue(request, "endTime"),
            Json.text(request, "nextToken"),
            Json.bool(request, "startFromHead", false),
            limit == null ? 10_000 : limit);
    ObjectNode response = Json.object();
    ArrayNode array = response.putArray("events");
    page.events()
        .forEach(
            e ->
                array
                    .addObject()
                    .put("timestamp", e.timestamp())
                    .put("message", e.message())
                    .put("ingestionTime", e.ingestionTime()));
    response.put("nextForwardToken", page.nextForwardToken());
    response.put("nextBackwardToken", page.nextBackwardToken());
    return response;
  }

  private record Found(String stream, int index, LogEvent event) {}

  private ObjectNode filter(ObjectNode request) {
    String group = LogGroupOperations.groupName(request);
    List<String> names = Json.strings(request, "logStreamNames");
    String prefix = Json.text(request, "logStreamNamePrefix");
    if (!names.isEmpty() && prefix != null) {
      throw AwsException.invalidParameter(
          "logStreamNames and logStreamNamePrefix are mutually exclusive.");
    }
    Long start = Json.longValue(request, "startTime");
    Long end = Json.longValue(request, "endTime");
    List<String> terms = terms(Json.text(request, "filterPattern", ""));
    List<Found> found = new ArrayList<>();
    List<String> searched = new ArrayList<>();
    for (LogStream stream : store.streams(group)) {
      boolean selected =
          names.isEmpty()
              ? prefix == null || stream.name().startsWith(prefix)
              : names.contains(stream.name());
      if (!selected) {
        continue;
      }
      searched.add(stream.name());
      List<LogEvent> events = store.events(group, stream.name());
      for (int i = 0; i < events.size(); i++) {
        LogEvent e = events.get(i);
        boolean inWindow =
            (start == null || e.timestamp() >= start) && (end == null || e.timestamp() <= end);
        if (inWindow && terms.stream().allMatch(e.message()::contains)) {
          found.add(new Found(stream.name(), i, e));
        }
      }
    }
    found.sort(
        Comparator.comparingLong((Found f) -> f.event().timestamp())
            .thenComparing(Found::stream)
            .thenComparingInt(Found::index));
    Integer limit = Json.integer(request, "limit");
    int from = OffsetToken.decode(Json.text(request, "nextToken"));
    int to = Math.min(found.size(), from + (limit == null ? 10_000 : limit));
    ObjectNode response = Json.object();
    ArrayNode array = response.putArray("events");
    for (Found f : found.subList(Math.min(from, to), to)) {
      array
          .addObject()
          .put("logStreamName", f.stream())
          .put("timestamp", f.event().timestamp())
          .put("message", f.event().message())
          .put("ingestionTime", f.event().ingestionTime())
          .put("eventId", f.stream().hashCode() + "-" + f.index());
    }
    ArrayNode streams = response.putArray("searchedLogStreams");
    searched.forEach(
        s -> streams.addObject().put("logStreamName", s).put("searchedCompletely", true));
    if (to < found.size()) {
      response.put("nextToken", OffsetToken.encode(to));
    }
    return response;
  }

  /** A filter pattern's terms: every one must appear in a matching message (quotes removed). */
  private static List<String> terms(String pattern) {
    List<String> terms = new ArrayList<>();
    for (String term : pattern.trim().split("\\s+")) {
      String bare = term.replace("\"", "");
      if (!bare.isEmpty()) {
        terms.add(bare);
      }
    }
    return terms;
  }

  private static String streamName(ObjectNode request) {
    String stream = Json.text(request, "logStreamName");
    if (stream == null) {
      throw AwsException.invalidParameter("logStreamName is required.");
    }
    return stream;
  }
}
