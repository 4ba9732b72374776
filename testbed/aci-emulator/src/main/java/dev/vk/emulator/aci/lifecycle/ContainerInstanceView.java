package dev.vk.emulator.aci.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ACI's per-container {@code instanceView}, derived from a {@link ContainerTimeline}.
 *
 * @param restartCount restarts so far
 * @param currentState the state now
 * @param previousState the state of the run before, if any
 * @param events folded events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerInstanceView(
    int restartCount,
    ContainerState currentState,
    ContainerState previousState,
    List<Event> events) {

  /** Builds the view of a container whose image pull started at {@code pullStart}. */
  public static ContainerInstanceView of(
      String image, Instant pullStart, Instant now, ContainerTimeline timeline) {
    Attempt current = timeline.current();
    ContainerState state;
    ContainerState previous = null;
    if (current == null) {
      state = ContainerState.waiting("Pulling");
    } else if (current.running() || timeline.finished()) {
      state = ContainerState.of(current);
      previous = timeline.previous() == null ? null : ContainerState.of(timeline.previous());
    } else {
      state = ContainerState.waiting("CrashLoopBackOff: Back-off restarting failed container");
      previous = ContainerState.of(current);
    }
    return new ContainerInstanceView(
        timeline.restartCount(), state, previous, events(image, pullStart, timeline));
  }

  private static List<Event> events(String image, Instant pullStart, ContainerTimeline timeline) {
    List<Event> events = new ArrayList<>();
    String quoted = "\"" + image + "\"";
    events.add(new Event(1, pullStart, pullStart, "Pulling", "pulling image " + quoted, "Normal"));
    List<Attempt> attempts = timeline.attempts();
    if (attempts.isEmpty()) {
      return events;
    }
    Instant first = attempts.get(0).start();
    Instant last = attempts.get(attempts.size() - 1).start();
    events.add(
        new Event(1, first, first, "Pulled", "Successfully pulled image " + quoted, "Normal"));
    events.add(new Event(attempts.size(), first, last, "Started", "Started container", "Normal"));
    List<Attempt> killed = attempts.stream().filter(Attempt::killed).toList();
    if (!killed.isEmpty()) {
      Instant firstKill = killed.get(0).end();
      Instant lastKill = killed.get(killed.size() - 1).end();
      events.add(
          new Event(killed.size(), firstKill, lastKill, "Killing", "Killing container", "Normal"));
    }
    return events;
  }
}
