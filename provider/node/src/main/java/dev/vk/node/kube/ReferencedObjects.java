package dev.vk.node.kube;

import dev.vk.provider.DaemonThreads;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ConfigMaps and ServiceAccounts pods reference, each kept by one watch that every pod
 * referencing it shares, so a thousand pods of a namespace cost one list and watch of its {@code
 * kube-root-ca.crt} and of its {@code default} ServiceAccount instead of two thousand reads. Only
 * referenced objects are kept, each until no pod has read it for {@link #IDLE}; nothing is cached
 * cluster-wide. Secrets are read by name for each pod instead: watching them would need {@code
 * list} and {@code watch} on Secrets, which would let the node's credentials enumerate every Secret
 * (docs/security.md). Reads are thread-safe.
 */
public final class ReferencedObjects implements AutoCloseable {
  /** How long an object nobody reads stays watched. */
  static final Duration IDLE = Duration.ofMinutes(5);

  /** The longest a read waits for a new watch's first list, as a kubelet waits (1 s). */
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);

  private static final Duration PAUSE = Duration.ofSeconds(1);

  /**
   * The most objects of one kind watched at once (each holds a thread and a watch stream); past it
   * an object is read by GET. Pods of a namespace share its CA and mostly a few ServiceAccounts, so
   * this is reached only with hundreds of namespaces or per-pod ConfigMaps.
   */
  static final int MAX_WATCHES = 200;

  private final WatchedObjects<V1ConfigMap> configMaps;
  private final ObjectSource<V1Secret> secrets;
  private final WatchedObjects<V1ServiceAccount> serviceAccounts;
  private final ExecutorService threads;
  private final ScheduledExecutorService sweeper;

  private ReferencedObjects(KubeClients clients, Clock clock) {
    // A thread per watched object, for its life: a watch blocks on its connection.
    threads = Executors.newCachedThreadPool(DaemonThreads.factory("object-watch"));
    sweeper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("object-sweep"));
    configMaps =
        kind(ApiObjectSource.configMaps(clients.calls(), clients.watches()), threads, clock);
    secrets = ApiObjectSource.secrets(clients.calls(), clients.watches());
    serviceAccounts =
        kind(ApiObjectSource.serviceAccounts(clients.calls(), clients.watches()), threads, clock);
  }

  /** Ready to read; watches start with the first read of each object. Never blocks. */
  public static ReferencedObjects start(KubeClients clients) {
    ReferencedObjects objects = new ReferencedObjects(clients, Clock.systemUTC());
    long every = IDLE.toMillis() / 5;
    objects.sweeper.scheduleWithFixedDelay(objects::sweep, every, every, TimeUnit.MILLISECONDS);
    return objects;
  }

  private static <T extends KubernetesObject> WatchedObjects<T> kind(
      ObjectSource<T> source, ExecutorService threads, Clock clock) {
    return new WatchedObjects<>(source, threads, clock, FIRST_WAIT, IDLE, PAUSE, MAX_WATCHES);
  }

  /**
   * The ConfigMap, or empty when it does not exist. Shared: do not modify it. May block (at most
   * {@link #FIRST_WAIT}, then one API call when its watch cannot answer).
   */
  public Optional<V1ConfigMap> configMap(String namespace, String name) throws ApiException {
    return configMaps.read(namespace, name);
  }

  /** The Secret, or empty when it does not exist. May block (one API call). */
  public Optional<V1Secret> secret(String namespace, String name) throws ApiException {
    return secrets.get(namespace, name);
  }

  /** The ServiceAccount, or empty; as {@link #configMap}. */
  public Optional<V1ServiceAccount> serviceAccount(String namespace, String name)
      throws ApiException {
    return serviceAccounts.read(namespace, name);
  }

  private void sweep() {
    List.of(configMaps, serviceAccounts).forEach(WatchedObjects::sweep);
  }

  /** Stops every watch. Idempotent, never blocks. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    List.of(configMaps, serviceAccounts).forEach(WatchedObjects::stopAll);
    threads.shutdownNow();
  }
}
