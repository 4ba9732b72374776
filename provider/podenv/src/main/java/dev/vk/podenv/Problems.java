package dev.vk.podenv;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Collects the events and failures of one resolve call; duplicates are dropped, order is kept. */
final class Problems {

  private final Set<EnvEvent> events = new LinkedHashSet<>();
  private final Set<String> failures = new LinkedHashSet<>();

  void warn(String reason, String message) {
    events.add(EnvEvent.warning(reason, message));
  }

  void fail(String message) {
    failures.add(message);
  }

  List<EnvEvent> events() {
    return List.copyOf(events);
  }

  Optional<String> failure() {
    return failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
  }
}
