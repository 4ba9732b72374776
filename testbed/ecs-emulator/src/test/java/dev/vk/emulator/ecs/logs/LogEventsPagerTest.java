package dev.vk.emulator.ecs.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.emulator.ecs.http.AwsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogEventsPagerTest {
  private final List<LogEvent> stream = new ArrayList<>();

  LogEventsPagerTest() {
    for (int i = 0; i < 5; i++) {
      stream.add(new LogEvent(1000 + i, "line " + i, 1000 + i));
    }
  }

  private static List<String> messages(LogEventsPager.Page page) {
    return page.events().stream().map(LogEvent::message).toList();
  }

  @Test
  @DisplayName("from the head, forward tokens walk the stream and repeat at its end")
  void forwardPaging() {
    LogEventsPager.Page first = LogEventsPager.page(stream, null, null, null, true, 2);
    LogEventsPager.Page second =
        LogEventsPager.page(stream, null, null, first.nextForwardToken(), true, 2);
    LogEventsPager.Page third =
        LogEventsPager.page(stream, null, null, second.nextForwardToken(), true, 2);
    LogEventsPager.Page end =
        LogEventsPager.page(stream, null, null, third.nextForwardToken(), true, 2);

    assertThat(messages(first)).containsExactly("line 0", "line 1");
    assertThat(messages(second)).containsExactly("line 2", "line 3");
    assertThat(messages(third)).containsExactly("line 4");
    assertThat(end.events()).isEmpty();
    assertThat(end.nextForwardToken()).isEqualTo(third.nextForwardToken());
  }

  @Test
  @DisplayName("a follower's unchanged token picks up events appended later")
  void followPicksUpNewEvents() {
    LogEventsPager.Page caughtUp = LogEventsPager.page(stream, null, null, null, true, 100);
    stream.add(new LogEvent(2000, "late", 2000));

    LogEventsPager.Page next =
        LogEventsPager.page(stream, null, null, caughtUp.nextForwardToken(), true, 100);

    assertThat(messages(next)).containsExactly("late");
    assertThat(next.nextForwardToken()).isNotEqualTo(caughtUp.nextForwardToken());
  }

  @Test
  @DisplayName("without startFromHead the newest events come first, and backward tokens go back")
  void tailAndBackward() {
    LogEventsPager.Page tail = LogEventsPager.page(stream, null, null, null, false, 2);
    LogEventsPager.Page before =
        LogEventsPager.page(stream, null, null, tail.nextBackwardToken(), false, 2);

    assertThat(messages(tail)).containsExactly("line 3", "line 4");
    assertThat(messages(before)).containsExactly("line 1", "line 2");
    LogEventsPager.Page start =
        LogEventsPager.page(
            stream,
            null,
            null,
            LogEventsPager.page(stream, null, null, before.nextBackwardToken(), false, 2)
                .nextBackwardToken(),
            false,
            2);
    assertThat(start.events()).isEmpty();
  }

  @Test
  @DisplayName("startTime is inclusive and endTime exclusive")
  void timeWindow() {
    assertThat(messages(LogEventsPager.page(stream, 1001L, 1003L, null, true, 100)))
        .containsExactly("line 1", "line 2");
  }

  @Test
  @DisplayName("tokens are never null, even on an empty stream")
  void emptyStream() {
    LogEventsPager.Page page = LogEventsPager.page(List.of(), null, null, null, true, 10);

    assertThat(page.nextForwardToken()).startsWith("f/");
    assertThat(page.nextBackwardToken()).startsWith("b/");
  }

  @Test
  @DisplayName("garbage tokens and limits out of 1..10000 are InvalidParameterException")
  void invalidInput() {
    assertThatThrownBy(() -> LogEventsPager.page(stream, null, null, "nonsense", true, 10))
        .isInstanceOfSatisfying(
            AwsException.class, e -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
    assertThatThrownBy(() -> LogEventsPager.page(stream, null, null, null, true, 0))
        .isInstanceOf(AwsException.class);
  }
}
