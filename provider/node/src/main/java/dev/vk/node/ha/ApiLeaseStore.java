package dev.vk.node.ha;

import dev.vk.node.kube.ApiErrors;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Optional;

/**
 * The election lease as a coordination.k8s.io/v1 Lease. Updates are full replaces carrying the
 * resourceVersion, so the API server refuses (409) a write based on a stale read.
 */
public final class ApiLeaseStore implements LeaseStore {
  private final CoordinationV1Api api;
  private final String namespace;
  private final String name;

  public ApiLeaseStore(ApiClient client, String namespace, String name) {
    this.api = new CoordinationV1Api(client);
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public Optional<LeaseRecord> get() throws LeaseException {
    try {
      return Optional.of(record(api.readNamespacedLease(name, namespace).execute()));
    } catch (ApiException e) {
      if (ApiErrors.notFound(e)) {
        return Optional.empty();
      }
      throw failure("read", e);
    }
  }

  @Override
  public LeaseRecord create(LeaseRecord record) throws LeaseException {
    try {
      return record(api.createNamespacedLease(namespace, lease(record)).execute());
    } catch (ApiException e) {
      throw failure("create", e);
    }
  }

  @Override
  public LeaseRecord update(LeaseRecord record) throws LeaseException {
    try {
      return record(api.replaceNamespacedLease(name, namespace, lease(record)).execute());
    } catch (ApiException e) {
      throw failure("update", e);
    }
  }

  private V1Lease lease(LeaseRecord r) {
    return new V1Lease()
        .metadata(
            new V1ObjectMeta().name(name).namespace(namespace).resourceVersion(r.resourceVersion()))
        .spec(
            new V1LeaseSpec()
                .holderIdentity(r.holder())
                .leaseDurationSeconds(r.durationSeconds())
                .acquireTime(r.acquireTime())
                .renewTime(r.renewTime())
                .leaseTransitions(r.transitions()));
  }

  private static LeaseRecord record(V1Lease lease) {
    V1LeaseSpec s = lease.getSpec() == null ? new V1LeaseSpec() : lease.getSpec();
    return new LeaseRecord(
        s.getHolderIdentity(),
        s.getLeaseDurationSeconds() == null ? 0 : s.getLeaseDurationSeconds(),
        s.getAcquireTime(),
        s.getRenewTime(),
        s.getLeaseTransitions() == null ? 0 : s.getLeaseTransitions(),
        lease.getMetadata().getResourceVersion());
  }

  private LeaseException failure(String what, ApiException e) {
    String message = what + " lease " + namespace + "/" + name + ": " + ApiErrors.describe(e);
    return new LeaseException(message, ApiErrors.conflict(e), e);
  }
}
