package dev.vk.node.health;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place where components register what makes this process alive or ready. A liveness
 * failure means only a restart helps (the kubelet restarts the container); a readiness failure
 * means this replica should not count as serving yet.
 */
public final class HealthChecks {

  /** Which probe a check answers to. */
  public enum Probe {
    LIVENESS,
    READINESS
  }

  /**
   * One condition. Must be cheap and must not block (no network calls): probes call it often.
   *
   * @return why it fails, or empty when it passes
   */
  @FunctionalInterface
  public interface Check {
    Optional<String> failure();
  }

  private record Entry(String name, Set<Probe> probes, Check check) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /** Adds a check to the given probes; names should be short and unique (they appear in bodies). */
  public void register(String name, Check check, Probe first, Probe... more) {
    entries.add(new Entry(name, EnumSet.of(first, more), check));
  }

  /** Removes the checks named {@code name}; for a component that stops before the process does. */
  public void remove(String name) {
    entries.removeIf(e -> e.name().equals(name));
  }

  /**
   * Runs every check of {@code probe}. A check that throws counts as failed with the exception.
   *
   * @return one {@code name: reason} line per failing check; empty when all pass
   */
  public List<String> failures(Probe probe) {
    List<String> failed = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.probes().contains(probe)) {
        continue;
      }
      Optional<String> why;
      try {
        why = e.check().failure();
      } catch (RuntimeException ex) {
        why = Optional.of("check threw " + ex);
      }
      why.ifPresent(w -> failed.add(e.name() + ": " + w));
    }
    return failed;
  }

  /** The names of the checks of {@code probe}, in registration order. */
  public List<String> names(Probe probe) {
    return entries.stream().filter(e -> e.probes().contains(probe)).map(Entry::name).toList();
  }
}
