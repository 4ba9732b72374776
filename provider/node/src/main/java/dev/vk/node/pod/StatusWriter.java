package dev.vk.node.pod;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a pod's status to the API server only when it differs from what the API already has and
 * does not move it backwards ({@link StatusGuard}), through {@link ApiPods#patchStatus}. A write
 * also carries the annotations {@link NodeWrites} holds for the pod, and is sent for them alone
 * when the status has not changed.
 */
public final class StatusWriter {
  private final ApiPods pods;
  private final NodeWrites nodeWrites;
  private final String hostIp;
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final StatusGuard guard = new StatusGuard();
  private final RecentWrites recent = new RecentWrites();

  public StatusWriter(ApiPods pods, String hostIp) {
    this(pods, new NodeWrites(), hostIp);
  }

  /**
   * @param nodeWrites holds the annotations the next write of a pod carries
   */
  public StatusWriter(ApiPods pods, NodeWrites nodeWrites, String hostIp) {
    this.pods = pods;
    this.nodeWrites = nodeWrites;
    this.hostIp = hostIp;
  }

  /**
   * Sends {@code status} unless it equals the pod's current status or would move it backwards.
   * Blocks on the API server; modifies {@code status}.
   *
   * @return whether a write was sent
   */
  public boolean write(V1Pod pod, V1PodStatus status) throws ApiException {
    if (guard.admit(pod, status).isEmpty()) {
      return false;
    }
    complete(status);
    Map<String, String> annotations = unwritten(pod);
    if (annotations.isEmpty()
        && (StatusComparison.same(pod.getStatus(), status) || recent.alreadySent(pod, status))) {
      unchanged.incrementAndGet();
      return false;
    }
    try {
      pods.patchStatus(pod, status, annotations);
      nodeWrites.annotated(PodFacts.uid(pod), annotations);
      recent.sent(pod, status);
    } catch (ApiException | RuntimeException e) {
      failed.incrementAndGet();
      throw e;
    }
    writes.incrementAndGet();
    return true;
  }

  /** Status patches sent so far, for metrics and tests. */
  public long writes() {
    return writes.get();
  }

  /** Writes skipped because the API already had that status, for metrics. */
  public long unchanged() {
    return unchanged.get();
  }

  /** Patches the API server refused or that did not reach it, for metrics. */
  public long failed() {
    return failed.get();
  }

  /** Statuses refused because they would move a pod's status backwards, for metrics and tests. */
  public long refusals() {
    return guard.refusals();
  }

  /**
   * The node had the provider start this pod's containers afresh (see {@link StatusGuard#renewed}).
   * Idempotent, non-blocking.
   */
  public void renewed(V1Pod pod) {
    guard.renewed(PodFacts.uid(pod));
  }

  /** Forgets a pod that is gone. Idempotent, non-blocking. */
  public void forget(String uid) {
    guard.forget(uid);
    recent.forget(uid);
  }

  /** The pending annotations the pod does not show yet; those it shows are no longer pending. */
  private Map<String, String> unwritten(V1Pod pod) {
    String uid = PodFacts.uid(pod);
    Map<String, String> shown = pod.getMetadata().getAnnotations();
    if (shown != null && !nodeWrites.pendingAnnotations(uid).isEmpty()) {
      nodeWrites.annotated(uid, shown);
    }
    return nodeWrites.pendingAnnotations(uid);
  }

  /**
   * Fills what a kubelet always reports and the API validates together. The host is this node,
   * whatever address the provider gives its sandbox, as a kubelet reports its own address.
   */
  private void complete(V1PodStatus status) {
    status.hostIP(hostIp);
    status.hostIPs(List.of(new V1HostIP().ip(hostIp)));
    if (status.getPodIP() != null) {
      status.podIPs(List.of(new V1PodIP().ip(status.getPodIP())));
    }
  }
}
