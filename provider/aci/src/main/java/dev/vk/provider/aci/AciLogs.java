package dev.vk.provider.aci;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl logs} through ACI's List Logs API, which returns the current run's log as one
 * string. {@code tailLines} goes to ARM; {@code since*} filter on the parsed timestamps; {@code
 * follow} polls every {@code log-poll-interval}, emits only lines after the last one emitted (by
 * timestamp, then position among equal timestamps), and completes when the container has
 * terminated. Each follow poll costs two ARM calls (logs and the group's state).
 */
final class AciLogs implements AutoCloseable {

  /** Finds a pod's group, failing NOT_FOUND; blocks on one GET. */
  @FunctionalInterface
  interface Groups {
    ContainerGroupInner require(String namespace, String name) throws ProviderException;
  }

  private final Groups lookup;
  private final ContainerGroups groups;
  private final Duration poll;
  private final Clock clock;
  private final ScheduledExecutorService readers =
      Executors.newScheduledThreadPool(2, DaemonThreads.factory("aci-logs"));

  AciLogs(Groups lookup, ContainerGroups groups, Duration poll, Clock clock) {
    this.lookup = lookup;
    this.groups = groups;
    this.poll = poll;
    this.clock = clock;
  }

  /**
   * Checks the pod and container (one GET, so unknown ones fail here with NOT_FOUND); reading
   * starts on subscription.
   */
  Flow.Publisher<LogLine> open(ContainerRef ref, LogOptions options) throws ProviderException {
    ContainerGroupInner group = lookup.require(ref.pod().namespace(), ref.pod().name());
    if (container(group, ref.container()).isEmpty()) {
      throw ProviderException.notFound(
          "container \"" + ref.container() + "\" not found in " + ref.pod());
    }
    if (options.previous()) {
      throw ProviderException.invalid("previous: ACI keeps only the current run's log");
    }
    Optional<Instant> cutoff = options.cutoff(clock.instant());
    Integer tail = options.tailLines().isPresent() ? (int) options.tailLines().getAsLong() : null;
    return subscriber -> {
      LogStream stream = new LogStream(subscriber);
      subscriber.onSubscribe(stream);
      LogFollower follower =
          new LogFollower(
              stream,
              first -> groups.logs(group.name(), ref.container(), first ? tail : null),
              cutoff,
              clock);
      readers.execute(() -> step(follower, group.name(), ref.container(), options.follow()));
    };
  }

  private void step(LogFollower follower, String group, String container, boolean follow) {
    try {
      follower.readNew();
      if (!follow || follower.stopped() || terminated(group, container)) {
        if (follow && !follower.stopped()) {
          follower.readNew(); // the last lines written before the exit
        }
        follower.finish(null);
        return;
      }
      readers.schedule(
          () -> step(follower, group, container, true), poll.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ProviderException e) {
      follower.finish(e);
    }
  }

  private boolean terminated(String group, String container) throws ProviderException {
    return groups
        .get(group)
        .flatMap(g -> container(g, container))
        .map(
            c ->
                c.instanceView() != null
                    && c.instanceView().currentState() != null
                    && AciState.of(c.instanceView().currentState().state()) == AciState.TERMINATED)
        .orElse(true);
  }

  private static Optional<Container> container(ContainerGroupInner group, String name) {
    List<Container> containers = group.containers() == null ? List.of() : group.containers();
    return containers.stream().filter(c -> name.equals(c.name())).findFirst();
  }

  @Override
  public void close() {
    readers.shutdownNow();
  }
}
