package dev.vk.provider;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Optional;

/**
 * Runs pods somewhere other than this machine. Every provider implements it; optional abilities
 * ({@link PodStatusNotifier}, {@link NodeConfigurer}) are separate interfaces.
 *
 * <p>Pods are identified by namespace and name; the provider keeps the pod's UID so that a pod
 * deleted and re-created under the same name is recognised as a different pod. All methods may
 * block on network I/O and must be thread-safe: the pod controller calls them from several workers,
 * but never concurrently for the same pod.
 */
public interface PodLifecycle {

  /**
   * Starts the pod. Idempotent: called again for a pod (same UID) that already exists, it changes
   * nothing and does not fail. The pod's environment has already been resolved.
   *
   * @throws ProviderException with {@link ProviderException.Kind#INVALID_INPUT} when the pod can
   *     never run here (the message names the field), other kinds when a retry may succeed
   */
  void createPod(V1Pod pod) throws ProviderException;

  /** Applies changes to a running pod's mutable fields. Idempotent. */
  void updatePod(V1Pod pod) throws ProviderException;

  /**
   * Stops the pod and releases what it holds. Idempotent: deleting a pod that is already gone
   * succeeds. Afterwards {@link #getPod} reports it terminated or absent.
   */
  void deletePod(V1Pod pod) throws ProviderException;

  /**
   * The pod as the provider runs it (metadata, spec and current status), or empty. The status is
   * complete: read from the cloud for this call or from what the provider already observed, never
   * guessed.
   */
  Optional<V1Pod> getPod(String namespace, String name) throws ProviderException;

  /**
   * Every pod the provider runs for this node, with status. Called once per status poll and at
   * startup reconciliation, so its cost must not grow with one remote call per pod.
   *
   * <p>A pod whose status this call cannot tell (a cloud listing that carries no per-pod state, a
   * cache not yet filled after a restart) is listed with a {@code null} status: the node adopts it
   * (it is not an orphan, nor missing) and writes no status for it until {@link #getPod}, a push or
   * a later poll brings one. Never fill in a guessed status instead: the API server holds the
   * fuller one, and a guess would move a Running, Ready pod back to Pending.
   */
  List<V1Pod> getPods() throws ProviderException;
}
