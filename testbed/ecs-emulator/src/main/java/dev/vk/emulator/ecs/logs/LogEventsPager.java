package dev.vk.emulator.ecs.logs;

import dev.vk.emulator.ecs.http.AwsException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GetLogEvents paging. Tokens name a position in the stream ({@code f/…/s} forward, {@code b/…/s}
 * backward). Reading forward from the end returns the token that was sent, which is how a follower
 * (and the SDK paginator) knows it has caught up; the next poll with that same token picks up
 * events appended since.
 */
public final class LogEventsPager {
  private static final Pattern TOKEN = Pattern.compile("([fb])/(\\d{56})/s");

  private LogEventsPager() {}

  /** One page: events oldest first and the two tokens, which are never null. */
  public record Page(List<LogEvent> events, String nextForwardToken, String nextBackwardToken) {}

  /**
   * Reads one page.
   *
   * @param events the whole stream, oldest first
   * @param startTime inclusive lower bound in ms, or null
   * @param endTime exclusive upper bound in ms, or null
   * @param token a token from an earlier page, or null
   * @param startFromHead without a token: oldest events first instead of the newest
   * @param limit 1..10000 events
   */
  public static Page page(
      List<LogEvent> events,
      Long startTime,
      Long endTime,
      String token,
      boolean startFromHead,
      int limit) {
    if (limit < 1 || limit > 10_000) {
      throw AwsException.invalidParameter(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and"
              + " 10000");
    }
    Window window = new Window(startTime, endTime);
    if (token == null) {
      return startFromHead
          ? forward(events, window, 0, limit, 0)
          : backward(events, window, events.size(), limit, events.size());
    }
    Matcher matcher = TOKEN.matcher(token);
    int position = matcher.matches() ? parsePosition(matcher.group(2)) : -1;
    if (position < 0 || position > events.size()) {
      throw AwsException.invalidParameter("The specified nextToken is invalid.");
    }
    return matcher.group(1).equals("f")
        ? forward(events, window, position, limit, position)
        : backward(events, window, position, limit, position);
  }

  private static Page forward(
      List<LogEvent> events, Window window, int from, int limit, int emptyPosition) {
    List<LogEvent> page = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (int i = from; i < events.size() && page.size() < limit; i++) {
      if (window.contains(events.get(i))) {
        page.add(events.get(i));
        first = first < 0 ? i : first;
        last = i;
      }
    }
    return page.isEmpty()
        ? new Page(page, token('f', emptyPosition), token('b', emptyPosition))
        : new Page(page, token('f', last + 1), token('b', first));
  }

  private static Page backward(
      List<LogEvent> events, Window window, int before, int limit, int emptyPosition) {
    List<LogEvent> page = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (int i = before - 1; i >= 0 && page.size() < limit; i--) {
      if (window.contains(events.get(i))) {
        page.add(events.get(i));
        last = last < 0 ? i : last;
        first = i;
      }
    }
    Collections.reverse(page);
    return page.isEmpty()
        ? new Page(page, token('f', emptyPosition), token('b', emptyPosition))
        : new Page(page, token('f', last + 1), token('b', first));
  }

  private static String token(char direction, int position) {
    return direction + "/" + String.format("%056d", position) + "/s";
  }

  private static int parsePosition(String digits) {
    try {
      long value = Long.parseLong(digits.replaceFirst("^0+(?=.)", ""));
      return value > Integer.MAX_VALUE ? -1 : (int) value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private record Window(Long start, Long end) {
    boolean contains(LogEvent event) {
      return (start == null || event.timestamp() >= start)
          && (end == null || event.timestamp() < end);
    }
  }
}
