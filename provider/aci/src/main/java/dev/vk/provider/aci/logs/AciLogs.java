package dev.vk.provider.aci.logs;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.arm.ContainerGroups;
import dev.vk.provider.aci.status.AciState;
import dev.vk.provider.logs.LogPublishers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * {@code kubectl logs} through ACI's List Logs API, which returns the current run's log as one
 * string. {@code tailLines} goes to ARM; {@link LogPublishers} applies {@code since*} to the parsed
 * timestamps; {@code follow} polls every {@code log-poll-interval}, emits only lines after the last
 * one emitted ({@link LogFollower}), and completes when the container has terminated. Each follow
 * poll costs two ARM calls (logs and the group's state).
 */
public final class AciLogs implements AutoCloseable {

  /** Finds a pod's group, failing NOT_FOUND; blocks on one GET. */
  @FunctionalInterface
  public interface Groups {
    ContainerGroupInner require(String namespace, String name) throws ProviderException;
  }

  private final Groups lookup;
  private final ContainerGroups groups;
  private final Clock clock;
  private final LogPublishers publishers;

  /**
   * @param poll the follow interval ({@code log-poll-interval})
   */
  public AciLogs(Groups lookup, ContainerGroups groups, Duration poll, Clock clock) {
    this.lookup = lookup;
    this.groups = groups;
    this.clock = clock;
    this.publishers = new LogPublishers("aci-logs", poll, clock);
  }

  /**
   * Checks the pod and container (one GET, so unknown ones fail here with NOT_FOUND); reading
   * starts on subscription.
   */
  public Flow.Publisher<LogLine> open(ContainerRef ref, LogOptions options)
      throws ProviderException {
    ContainerGroupInner group = lookup.require(ref.pod().namespace(), ref.pod().name());
    if (container(group, ref.container()).isEmpty()) {
      throw ProviderException.notFound(
          "container \"" + ref.container() + "\" not found in " + ref.pod());
    }
    if (options.previous()) {
      throw ProviderException.invalid("previous: ACI keeps only the current run's log");
    }
    // At least one line even for tail 0: a follower needs the newest line to know what is new.
    Integer tail =
        options.tailLines().isPresent()
            ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.tailLines().getAsLong()))
            : null;
    String name = group.name();
    return publishers.publisher(
        options,
        () ->
            new LogFollower(
                first -> groups.logs(name, ref.container(), first ? tail : null),
                () -> terminated(name, ref.container()),
                clock));
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
    publishers.close();
  }
}
