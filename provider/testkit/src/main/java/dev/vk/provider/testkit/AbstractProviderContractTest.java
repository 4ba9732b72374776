package dev.vk.provider.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodStatusNotifier;
import dev.vk.provider.status.PodConditions;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every provider promises to the pod controller. A provider's test extends this class
 * and supplies the provider ({@link #createProvider()}), a pod that exits ({@link
 * #podThatExits(int)}) and, when needed, other pods, a longer {@link #timeout()} or fewer {@link
 * #abilities()}. The mock runs it in milliseconds; cloud providers run it against their emulators.
 *
 * <p>Each wait is bounded by {@link #timeout()}; the class-level {@link Timeout} also bounds a
 * provider call that hangs. A subclass may annotate itself with a longer one.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class AbstractProviderContractTest extends ProviderContractFixture {

  @Test
  @DisplayName("a created pod keeps its identity and becomes Running with every container ready")
  void createdPodBecomesRunning() throws Exception {
    V1Pod pod = create(runnablePod());

    V1Pod running = awaitRunning(pod);

    assertThat(running.getMetadata().getNamespace()).isEqualTo(namespace());
    assertThat(running.getMetadata().getName()).isEqualTo(pod.getMetadata().getName());
    assertThat(running.getMetadata().getUid()).isEqualTo(pod.getMetadata().getUid());
    for (String type : PodConditions.TYPES) {
      assertThat(PodStatuses.isTrue(running, type)).as("condition %s is True", type).isTrue();
    }
    assertThat(running.getStatus().getPodIP()).isNotBlank();
    assertThat(running.getStatus().getContainerStatuses())
        .hasSameSizeAs(pod.getSpec().getContainers());
    for (V1Container container : pod.getSpec().getContainers()) {
      V1ContainerStatus status = PodStatuses.container(running, container.getName()).orElseThrow();
      assertThat(status.getState().getRunning()).as(container.getName() + " running").isNotNull();
      assertThat(status.getReady()).as(container.getName() + " ready").isTrue();
      assertThat(status.getContainerID()).isNotBlank();
      assertThat(status.getImage()).isEqualTo(container.getImage());
    }
  }

  @Test
  @DisplayName("creating a running pod again (same UID) succeeds and leaves it untouched")
  void createIsIdempotent() throws Exception {
    V1Pod pod = create(runnablePod());
    V1Pod before = awaitRunning(pod);

    assertThatCode(() -> provider().createPod(Pods.copy(pod))).doesNotThrowAnyException();

    assertThat(podsInNamespace()).extracting(p -> uid(p)).containsExactly(uid(pod));
    V1Pod after = current(pod).orElseThrow();
    assertThat(after.getStatus().getPhase()).isEqualTo("Running");
    assertThat(after.getStatus().getContainerStatuses())
        .as("the same containers, not restarted")
        .usingRecursiveFieldByFieldElementComparatorOnFields("containerID", "restartCount", "state")
        .containsExactlyInAnyOrderElementsOf(before.getStatus().getContainerStatuses());
  }

  @Test
  @DisplayName("getPods lists exactly the pods that were created")
  void getPodsListsCreatedPods() throws Exception {
    V1Pod first = create(runnablePod());
    V1Pod second = create(runnablePod());

    assertThat(podsInNamespace())
        .extracting(p -> p.getMetadata().getUid())
        .containsExactlyInAnyOrder(uid(first), uid(second));
  }

  @Test
  @DisplayName("getPod of a pod that was never created is empty")
  void unknownPodIsEmpty() throws Exception {
    assertThat(provider().getPod(namespace(), "never-created")).isEmpty();
  }

  @Test
  @DisplayName("a deleted pod is reported terminated or absent, and deleting again succeeds")
  void deleteStopsPodAndIsIdempotent() throws Exception {
    V1Pod pod = create(runnablePod());
    awaitRunning(pod);

    provider().deletePod(Pods.copy(pod));
    assertThatCode(() -> provider().deletePod(Pods.copy(pod))).doesNotThrowAnyException();

    awaitGoneOrTerminal(pod);
    assertThat(podsInNamespace())
        .allSatisfy(p -> assertThat(PodStatuses.isTerminal(p)).as("listed but not ended").isTrue());
  }

  @Test
  @DisplayName("deleting a pod the provider never had succeeds")
  void deleteOfMissingPodSucceeds() {
    V1Pod missing = Pods.pod(namespace(), "never-created");

    assertThatCode(() -> provider().deletePod(missing)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a pod re-created under the same name with a new UID is a new pod")
  void recreatedPodIsNewPod() throws Exception {
    V1Pod old = create(runnablePod());
    awaitRunning(old);
    provider().deletePod(Pods.copy(old));
    awaitGoneOrTerminal(old);

    V1Pod renewed = Pods.copy(old);
    renewed.getMetadata().setUid(UUID.randomUUID().toString());
    provider().createPod(Pods.copy(renewed));

    assertThat(awaitRunning(renewed).getMetadata().getUid()).isEqualTo(uid(renewed));
  }

  @Test
  @DisplayName("updating a running pod with its unchanged spec keeps it running")
  void updateIsIdempotent() throws Exception {
    V1Pod pod = create(runnablePod());
    awaitRunning(pod);

    provider().updatePod(Pods.copy(pod));
    provider().updatePod(Pods.copy(pod));

    assertThat(awaitRunning(pod).getMetadata().getUid()).isEqualTo(uid(pod));
  }

  @Test
  @DisplayName("a container exiting 0 under restartPolicy Never makes the pod Succeeded")
  void exitZeroSucceeds() throws Exception {
    V1Pod pod = create(withRestartPolicy(podThatExits(0), "Never"));

    V1Pod done = awaitPod(pod, "to be Succeeded", p -> PodStatuses.hasPhase(p, "Succeeded"));

    V1ContainerStateTerminated terminated = onlyContainer(done).getState().getTerminated();
    assertThat(terminated).isNotNull();
    assertThat(terminated.getExitCode()).isZero();
    assertThat(terminated.getReason()).isEqualTo("Completed");
  }

  @Test
  @DisplayName(
      "a container exiting non-zero under restartPolicy Never fails the pod with reason Error")
  void exitNonZeroFails() throws Exception {
    V1Pod pod = create(withRestartPolicy(podThatExits(3), "Never"));

    V1Pod done = awaitPod(pod, "to be Failed", p -> PodStatuses.hasPhase(p, "Failed"));

    V1ContainerStateTerminated terminated = onlyContainer(done).getState().getTerminated();
    assertThat(terminated).isNotNull();
    assertThat(terminated.getExitCode()).isEqualTo(3);
    assertThat(terminated.getReason()).isEqualTo("Error");
  }

  @Test
  @DisplayName("a container exiting under restartPolicy Always is restarted and counted")
  void exitedContainerRestarts() throws Exception {
    assumeAbility(Ability.CONTAINER_RESTARTS);
    V1Pod pod = create(withRestartPolicy(podThatExits(1), "Always"));
    String name = pod.getSpec().getContainers().get(0).getName();

    V1Pod restarted =
        awaitPod(pod, "to restart its container", p -> PodStatuses.restartCount(p, name) >= 1);

    assertThat(restarted.getStatus().getPhase()).isEqualTo("Running");
    V1ContainerStateTerminated last = onlyContainer(restarted).getLastState().getTerminated();
    assertThat(last).as("lastState.terminated").isNotNull();
    assertThat(last.getExitCode()).isEqualTo(1);
  }

  @Test
  @DisplayName("a notifying provider pushes the Running status without being polled")
  void notifierDeliversRunning() throws Exception {
    Assumptions.assumeTrue(provider() instanceof PodStatusNotifier, "provider does not notify");
    Queue<V1Pod> delivered = new ConcurrentLinkedQueue<>();
    ((PodStatusNotifier) provider()).notifyPods(delivered::add);

    V1Pod pod = create(runnablePod());

    Awaitility.await("Running status of " + pod.getMetadata().getName() + " is pushed")
        .atMost(timeout())
        .until(
            () ->
                delivered.stream()
                    .anyMatch(p -> uid(p).equals(uid(pod)) && PodStatuses.isTrue(p, "Ready")));
  }

  @Test
  @DisplayName(
      "a new provider over the same cloud (a node restart) reports a running pod no less complete"
          + " than before: listed without status or Running and Ready, never back to Pending")
  void restartedProviderKeepsStatus() throws Exception {
    V1Pod pod = create(runnablePod());
    V1Pod before = awaitRunning(pod);
    try (Restarted restarted = new Restarted(createProvider())) {
      // Its very first listing, before anything could have filled a cache.
      V1Pod listed =
          restarted.provider().getPods().stream()
              .filter(p -> uid(p).equals(uid(pod)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the running pod is not listed"));
      if (listed.getStatus() != null) {
        PodStatuses.assertNoLessComplete(before, listed, "listed after the restart");
      }
      PodStatuses.assertNoLessComplete(
          before,
          restarted.provider().getPod(namespace(), pod.getMetadata().getName()).orElseThrow(),
          "getPod after the restart");
    }
    try (Restarted restarted = new Restarted(createProvider())) {
      Assumptions.assumeTrue(
          restarted.provider() instanceof PodStatusNotifier, "provider does not notify");
      Queue<V1Pod> pushed = new ConcurrentLinkedQueue<>();
      // As the node does: the callback first, then the listing.
      ((PodStatusNotifier) restarted.provider()).notifyPods(pushed::add);
      restarted.provider().getPods();
      Awaitility.await("a pushed status of " + pod.getMetadata().getName())
          .atMost(timeout())
          .until(() -> pushed.stream().anyMatch(p -> uid(p).equals(uid(pod))));
      for (V1Pod p : pushed) {
        if (uid(p).equals(uid(pod))) {
          PodStatuses.assertNoLessComplete(before, p, "pushed after the restart");
        }
      }
    }
  }

  /** A second provider over the same cloud, as a restarted node builds it; closed after use. */
  private record Restarted(PodLifecycle provider) implements AutoCloseable {
    // Declares no InterruptedException (lint `try`): an interrupt is restored, not lost in the try.
    @Override
    public void close() {
      if (provider instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted closing the restarted provider", e);
        } catch (Exception e) {
          throw new IllegalStateException("closing the restarted provider", e);
        }
      }
    }
  }

  @Test
  @DisplayName("a pod the provider cannot run is refused as invalid, naming the field")
  void unrunnablePodIsRefused() {
    Unrunnable unrunnable = unrunnablePod();

    assertThatThrownBy(() -> create(unrunnable.pod()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageContaining(unrunnable.field());
  }

  @Test
  @DisplayName("init containers complete before the app containers start")
  void initContainersRunFirst() throws Exception {
    assumeAbility(Ability.INIT_CONTAINERS);
    V1Pod pod = create(podWithInitContainer());

    V1Pod running = awaitRunning(pod);

    V1ContainerStateTerminated init =
        PodStatuses.initContainer(running, "init").orElseThrow().getState().getTerminated();
    assertThat(init).as("init container terminated").isNotNull();
    assertThat(init.getExitCode()).isZero();
    assertThat(init.getReason()).isEqualTo("Completed");
    for (V1ContainerStatus app : running.getStatus().getContainerStatuses()) {
      assertThat(app.getState().getRunning().getStartedAt()).isAfterOrEqualTo(init.getFinishedAt());
    }
  }

  private List<V1Pod> podsInNamespace() throws ProviderException {
    return provider().getPods().stream()
        .filter(p -> namespace().equals(p.getMetadata().getNamespace()))
        .toList();
  }

  private void awaitGoneOrTerminal(V1Pod pod) {
    Awaitility.await(pod.getMetadata().getName() + " to be gone or ended")
        .atMost(timeout())
        .pollInterval(pollInterval())
        .until(() -> current(pod), p -> p.isEmpty() || PodStatuses.isTerminal(p.get()));
  }

  private static V1Pod withRestartPolicy(V1Pod pod, String policy) {
    pod.getSpec().setRestartPolicy(policy);
    return pod;
  }

  private static V1ContainerStatus onlyContainer(V1Pod pod) {
    return Optional.ofNullable(pod.getStatus().getContainerStatuses())
        .filter(list -> list.size() == 1)
        .map(list -> list.get(0))
        .orElseThrow(() -> new AssertionError("expected one container status: " + pod.getStatus()));
  }

  private static String uid(V1Pod pod) {
    return pod.getMetadata().getUid();
  }
}
