package dev.vk.provider.mock;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the pod or container a kubelet API request names, failing as the kubelet does: NOT_FOUND
 * for what does not exist (a UID in the request must match), INVALID_INPUT for a container that
 * exists but is not running. Thread-safe; blocks only on the provider's lock.
 */
final class ContainerLookup {

  /** The provider's pods by namespace and name; must not block for long. */
  @FunctionalInterface
  interface Pods {
    Optional<PodRecord> get(String namespace, String name);
  }

  /** A container that exists: its pod, its spec and when it runs. */
  record Target(PodRecord pod, V1Container container, ContainerRuns runs) {
    String name() {
      return container.getName();
    }

    String podName() {
      return pod.pod().getMetadata().getName();
    }
  }

  private final Pods pods;
  private final PodStatusCalculator calculator;
  private final Duration startDelay;
  private final Clock clock;

  ContainerLookup(Pods pods, PodStatusCalculator calculator, Duration startDelay, Clock clock) {
    this.pods = pods;
    this.calculator = calculator;
    this.startDelay = startDelay;
    this.clock = clock;
  }

  PodRecord pod(PodRef ref) throws ProviderException {
    return pods.get(ref.namespace(), ref.name())
        .filter(record -> ref.uid().isEmpty() || ref.uid().equals(record.uid()))
        .orElseThrow(() -> ProviderException.notFound("pod \"" + ref + "\" not found"));
  }

  /** A pod whose phase is Running now. */
  PodRecord runningPod(PodRef ref) throws ProviderException {
    PodRecord record = pod(ref);
    String phase = calculator.statusAt(record, clock.instant()).getPhase();
    if (!"Running".equals(phase)) {
      throw ProviderException.notFound("pod \"" + ref + "\" is not running (phase " + phase + ")");
    }
    return record;
  }

  Target container(ContainerRef ref) throws ProviderException {
    PodRecord record = pod(ref.pod());
    V1PodSpec spec = record.pod().getSpec();
    List<V1Container> inits =
        spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    Optional<V1Container> container =
        Stream.concat(spec.getContainers().stream(), inits.stream())
            .filter(c -> ref.container().equals(c.getName()))
            .findFirst();
    Optional<ContainerRuns> runs = ContainerRuns.of(record, ref.container(), startDelay);
    if (container.isEmpty() || runs.isEmpty()) {
      throw ProviderException.notFound(
          "container \""
              + ref.container()
              + "\" is not valid for pod \""
              + ref.pod().name()
              + "\"");
    }
    return new Target(record, container.get(), runs.get());
  }

  /** A container that is running now, for exec and attach. */
  Target running(ContainerRef ref) throws ProviderException {
    Target target = container(ref);
    boolean running =
        target.runs().latest(clock.instant()).map(r -> r.runningAt(clock.instant())).orElse(false);
    if (!running) {
      throw ProviderException.invalid(
          "container \"" + target.name() + "\" in pod \"" + target.podName() + "\" is not running");
    }
    return target;
  }

  /** Why a container that has not started yet waits, as its status says. */
  String waitingReason(Target target) {
    V1PodStatus status = calculator.statusAt(target.pod(), clock.instant());
    return Stream.concat(
            status.getContainerStatuses().stream(),
            Optional.ofNullable(status.getInitContainerStatuses()).orElse(List.of()).stream())
        .filter(s -> target.name().equals(s.getName()) && s.getState().getWaiting() != null)
        .map(V1ContainerStatus::getState)
        .map(state -> state.getWaiting().getReason())
        .findFirst()
        .orElse("ContainerCreating");
  }

  /** Whether the pod of {@code record} still exists with the same UID. */
  boolean present(PodRecord record) {
    String namespace = record.pod().getMetadata().getNamespace();
    String name = record.pod().getMetadata().getName();
    return pods.get(namespace, name).map(r -> r.uid().equals(record.uid())).orElse(false);
  }
}
