package dev.vk.node.nodeobject;

import dev.vk.node.kube.ApiErrors;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Renews the node's Lease in {@code kube-node-lease}, the heartbeat the controller-manager watches
 * to decide whether the node is alive. The lease is owned by the Node, so it goes away with it.
 */
public final class LeaseController {
  public static final String NAMESPACE = "kube-node-lease";

  private final CoordinationV1Api api;
  private final String nodeName;
  private final Duration duration;
  private final Supplier<V1Node> node;
  private final Clock clock;
  private V1Lease last;
  private final AtomicLong renewals = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile Instant lastRenewal;

  public LeaseController(
      ApiClient client, String nodeName, Duration duration, Supplier<V1Node> node, Clock clock) {
    this.api = new CoordinationV1Api(client);
    this.nodeName = nodeName;
    this.duration = duration;
    this.node = node;
    this.clock = clock;
  }

  /** How often {@link #renew()} should run: a quarter of the duration, like the kubelet. */
  public Duration renewInterval() {
    return duration.dividedBy(4);
  }

  /** Lease writes that succeeded, for metrics. */
  public long renewals() {
    return renewals.get();
  }

  /** Renewal rounds that failed, for metrics. */
  public long failures() {
    return failures.get();
  }

  /** When the lease was last written, or empty before the first success. */
  public Optional<Instant> lastRenewal() {
    return Optional.ofNullable(lastRenewal);
  }

  /** Renews the lease, creating it (or taking it over) when needed. May block on the API server. */
  public synchronized void renew() throws ApiException {
    V1Node owner = node.get();
    if (owner == null || owner.getMetadata().getUid() == null) {
      return; // Not registered yet; the lease must carry the node as owner.
    }
    try {
      write(owner);
    } catch (ApiException | RuntimeException e) {
      failures.incrementAndGet();
      throw e;
    }
    renewals.incrementAndGet();
    lastRenewal = clock.instant();
  }

  private void write(V1Node owner) throws ApiException {
    if (last != null && ownedBy(last, owner)) {
      try {
        last.getSpec().renewTime(now()).holderIdentity(nodeName);
        last = api.replaceNamespacedLease(nodeName, NAMESPACE, last).execute();
        return;
      } catch (ApiException e) {
        if (!ApiErrors.goneOrReplaced(e)) {
          throw e;
        }
      }
    }
    last = ensure(owner);
  }

  private V1Lease ensure(V1Node owner) throws ApiException {
    V1Lease lease;
    try {
      lease = api.readNamespacedLease(nodeName, NAMESPACE).execute();
    } catch (ApiException e) {
      if (!ApiErrors.notFound(e)) {
        throw e;
      }
      return api.createNamespacedLease(NAMESPACE, fresh(owner)).execute();
    }
    // Re-created nodes get a new UID; point the lease at the live one.
    lease.getMetadata().ownerReferences(List.of(ownerReference(owner)));
    lease.spec(spec());
    return api.replaceNamespacedLease(nodeName, NAMESPACE, lease).execute();
  }

  private V1Lease fresh(V1Node owner) {
    return new V1Lease()
        .metadata(
            new V1ObjectMeta()
                .name(nodeName)
                .namespace(NAMESPACE)
                .ownerReferences(List.of(ownerReference(owner))))
        .spec(spec());
  }

  private V1LeaseSpec spec() {
    return new V1LeaseSpec()
        .holderIdentity(nodeName)
        .leaseDurationSeconds((int) duration.toSeconds())
        .renewTime(now());
  }

  private static V1OwnerReference ownerReference(V1Node owner) {
    return new V1OwnerReference()
        .apiVersion("v1")
        .kind("Node")
        .name(owner.getMetadata().getName())
        .uid(owner.getMetadata().getUid());
  }

  private static boolean ownedBy(V1Lease lease, V1Node owner) {
    List<V1OwnerReference> refs = lease.getMetadata().getOwnerReferences();
    return refs != null
        && refs.stream().anyMatch(r -> Objects.equals(r.getUid(), owner.getMetadata().getUid()));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
