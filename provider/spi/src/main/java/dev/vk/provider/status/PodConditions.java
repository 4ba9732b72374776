package dev.vk.provider.status;

import dev.vk.provider.memory.SharedValues;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The one owner of a pod's conditions as a kubelet reports them: PodScheduled, Initialized,
 * ContainersReady and Ready, in that order, with the kubelet's reasons and messages. Providers say
 * which containers are not done or not ready and when a condition took its status; this class
 * builds the rest. Pure and thread-safe.
 */
public final class PodConditions {
  public static final String POD_SCHEDULED = "PodScheduled";
  public static final String INITIALIZED = "Initialized";
  public static final String CONTAINERS_READY = "ContainersReady";
  public static final String READY = "Ready";

  /** The condition types in the order they are reported. */
  public static final List<String> TYPES =
      List.of(POD_SCHEDULED, INITIALIZED, CONTAINERS_READY, READY);

  private PodConditions() {}

  /** When a condition took the status it has now; should not change while the status holds. */
  @FunctionalInterface
  public interface Since {
    /**
     * @param type one of {@link #TYPES}
     * @param status the condition's status
     */
    OffsetDateTime of(String type, boolean status);
  }

  /**
   * The conditions from container statuses: initialized when every init container terminated with
   * exit code 0; ready when the pod is Running and every app container (at least one) is ready.
   *
   * @param phase the pod's phase; a Succeeded or Failed pod is not ready, with reason PodCompleted
   */
  public static List<V1PodCondition> of(
      String phase,
      List<V1ContainerStatus> inits,
      List<V1ContainerStatus> containers,
      Since since) {
    List<String> unready = unready(containers);
    boolean ready = "Running".equals(phase) && !containers.isEmpty() && unready.isEmpty();
    return of(phase, notDone(inits), unready, ready, since);
  }

  /** Names of the init containers that have not terminated with exit code 0. Pure. */
  public static List<String> notDone(List<V1ContainerStatus> inits) {
    return inits.stream().filter(s -> !succeeded(s)).map(V1ContainerStatus::getName).toList();
  }

  /** Names of the containers not ready. Pure. */
  public static List<String> unready(List<V1ContainerStatus> containers) {
    return containers.stream()
        .filter(s -> !Boolean.TRUE.equals(s.getReady()))
        .map(V1ContainerStatus::getName)
        .toList();
  }

  /**
   * The conditions from what the provider decided itself.
   *
   * @param notInitialized names of the init containers not yet done; empty when initialized
   * @param unready names of the app containers not ready, for the message
   * @param allReady whether all app containers are ready; an ended pod never is
   */
  public static List<V1PodCondition> of(
      String phase,
      List<String> notInitialized,
      List<String> unready,
      boolean allReady,
      Since since) {
    boolean ended = "Succeeded".equals(phase) || "Failed".equals(phase);
    boolean ready = allReady && !ended;
    boolean initialized = notInitialized.isEmpty();
    V1PodCondition init = condition(INITIALIZED, initialized, since);
    if (!initialized) {
      init.reason(ended ? "PodCompleted" : "ContainersNotInitialized")
          .message(ended ? null : "containers with incomplete status: " + names(notInitialized));
    }
    V1PodCondition containersReady = condition(CONTAINERS_READY, ready, since);
    V1PodCondition podReady = condition(READY, ready, since);
    if (!ready) {
      String reason = ended ? "PodCompleted" : "ContainersNotReady";
      String message = ended ? null : "containers with unready status: " + names(unready);
      containersReady.reason(reason).message(message);
      podReady.reason(reason).message(message);
    }
    return List.of(condition(POD_SCHEDULED, true, since), init, containersReady, podReady);
  }

  /**
   * Gives each condition of {@code next} the lastTransitionTime of the same type in {@code
   * previous} when its status is unchanged: a condition's time says when its status last changed.
   * Modifies {@code next}; either list may be null.
   */
  public static void keepTransitionTimes(List<V1PodCondition> previous, List<V1PodCondition> next) {
    if (previous == null || next == null) {
      return;
    }
    for (V1PodCondition after : next) {
      for (V1PodCondition before : previous) {
        if (Objects.equals(before.getType(), after.getType())
            && Objects.equals(before.getStatus(), after.getStatus())
            && before.getLastTransitionTime() != null) {
          after.setLastTransitionTime(before.getLastTransitionTime());
        }
      }
    }
  }

  private static boolean succeeded(V1ContainerStatus s) {
    return s.getState() != null
        && s.getState().getTerminated() != null
        && Integer.valueOf(0).equals(s.getState().getTerminated().getExitCode());
  }

  private static String names(List<String> names) {
    return "[" + String.join(" ", names) + "]";
  }

  private static V1PodCondition condition(String type, boolean status, Since since) {
    return new V1PodCondition()
        .type(type)
        .status(status ? "True" : "False")
        // Held once: a provider's record of each pod keeps the status it last pushed.
        .lastTransitionTime(SharedValues.TIMES.share(since.of(type, status)));
  }
}
