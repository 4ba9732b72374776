package dev.vk.provider.fargate.logs;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.ecs.EcsErrors;
import dev.vk.provider.logs.LogReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads one awslogs stream with GetLogEvents. The first read honours tail and since; each later
 * read continues from {@code nextForwardToken}, and a page that returns the token it was given is
 * the current end of the stream (CloudWatch's documented end marker). Not thread-safe: one reader
 * per log request. Every method blocks on CloudWatch.
 */
final class LogStreamReader implements LogReader {
  private final CloudWatchLogsClient client;
  private final String group;
  private final String stream;
  private final LogOptions options;
  private final Instant now;
  private final BooleanSupplier taskStopped;
  private String token;

  /**
   * @param now the request's time, for {@code sinceSeconds}
   * @param taskStopped whether the task has stopped; blocks on ECS
   */
  LogStreamReader(
      CloudWatchLogsClient client,
      String group,
      String stream,
      LogOptions options,
      Instant now,
      BooleanSupplier taskStopped) {
    this.client = client;
    this.group = group;
    this.stream = stream;
    this.options = options;
    this.now = now;
    this.taskStopped = taskStopped;
  }

  /** Delivers what the stream holds now, with tail and since applied by CloudWatch. */
  @Override
  public void readInitial(Consumer<LogLine> out) throws ProviderException {
    Optional<Instant> cutoff = options.cutoff(now);
    if (options.tailLines().isPresent()) {
      long tail = options.tailLines().getAsLong();
      if (tail == 0) {
        // Nothing to show, but a follower starts at the end: position the token there.
        page(base().startFromHead(false).limit(1).build(), e -> {});
        return;
      }
      // The newest N events in one backward read (chronological within the page).
      GetLogEventsRequest.Builder newest =
          base().startFromHead(false).limit((int) Math.min(tail, 10_000));
      cutoff.ifPresent(c -> newest.startTime(c.toEpochMilli()));
      page(newest.build(), out);
      return;
    }
    GetLogEventsRequest.Builder fromStart = base().startFromHead(true);
    cutoff.ifPresent(c -> fromStart.startTime(c.toEpochMilli()));
    if (page(fromStart.build(), out)) {
      while (readMore(out)) {
        // Keep paging until CloudWatch hands back the same token: the end of the stream.
      }
    }
  }

  /** Reads what was appended since the last read; returns whether anything new arrived. */
  @Override
  public boolean readMore(Consumer<LogLine> out) throws ProviderException {
    if (token == null) {
      return page(base().startFromHead(true).build(), out);
    }
    return page(base().startFromHead(true).nextToken(token).build(), out);
  }

  @Override
  public boolean ended() {
    return taskStopped.getAsBoolean();
  }

  private GetLogEventsRequest.Builder base() {
    return GetLogEventsRequest.builder().logGroupName(group).logStreamName(stream);
  }

  private boolean page(GetLogEventsRequest request, Consumer<LogLine> out)
      throws ProviderException {
    GetLogEventsResponse response;
    try {
      response = client.getLogEvents(request);
    } catch (ResourceNotFoundException e) {
      return false; // The container has not logged yet, so its stream does not exist yet.
    } catch (SdkException e) {
      throw EcsErrors.classify("GetLogEvents " + stream, e);
    }
    List<OutputLogEvent> events = new ArrayList<>(response.events());
    events.forEach(e -> out.accept(LogLine.of(Instant.ofEpochMilli(e.timestamp()), e.message())));
    String sent = request.nextToken();
    token = response.nextForwardToken();
    return !events.isEmpty() && (sent == null || !sent.equals(token));
  }
}
