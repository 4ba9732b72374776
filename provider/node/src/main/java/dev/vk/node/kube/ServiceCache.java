package dev.vk.node.kube;

import com.google.gson.reflect.TypeToken;
import dev.vk.node.config.ServedNamespaces;
import dev.vk.provider.DaemonThreads;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceList;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Services that service-link variables need, kept by watches as the kubelet's own service
 * informer does, so creating a pod costs no API read: every namespace's Services when the node
 * serves all, else each served namespace's plus default's {@code kubernetes} (the namespaced RBAC
 * lets the node read nothing else there).
 */
public final class ServiceCache implements AutoCloseable {
  static final String MASTER_NAMESPACE = "default";
  static final String MASTER_SERVICE = "kubernetes";

  private final List<SharedIndexInformer<V1Service>> informers = new ArrayList<>();
  private final ExecutorService threads;

  private ServiceCache(ApiClient watches, ServedNamespaces served) {
    CoreV1Api api = new CoreV1Api(watches);
    if (served.all()) {
      informers.add(informer(watches, new Source(api, null, null)));
    } else {
      for (String ns : served.names()) {
        informers.add(informer(watches, new Source(api, ns, null)));
      }
      if (!served.serves(MASTER_NAMESPACE)) {
        informers.add(
            informer(
                watches, new Source(api, MASTER_NAMESPACE, "metadata.name=" + MASTER_SERVICE)));
      }
    }
    threads =
        Executors.newFixedThreadPool(informers.size(), DaemonThreads.factory("service-informer"));
  }

  /** Starts the watches; {@link #hasSynced()} says when the first lists are in. Does not block. */
  public static ServiceCache start(ApiClient watches, ServedNamespaces served) {
    ServiceCache cache = new ServiceCache(watches, served);
    cache.informers.forEach(i -> cache.threads.execute(i::run));
    return cache;
  }

  public boolean hasSynced() {
    return informers.stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /** The cached Services of {@code namespace}; empty for a namespace the node does not watch. */
  public List<V1Service> services(String namespace) {
    List<V1Service> found = new ArrayList<>();
    for (SharedIndexInformer<V1Service> i : informers) {
      found.addAll(i.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace));
    }
    return found;
  }

  public Optional<V1Service> service(String namespace, String name) {
    for (SharedIndexInformer<V1Service> i : informers) {
      V1Service s = i.getIndexer().getByKey(namespace + "/" + name);
      if (s != null) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::stop);
    threads.shutdownNow();
  }

  private static SharedIndexInformer<V1Service> informer(ApiClient client, Source source) {
    SharedIndexInformer<V1Service> informer =
        new DefaultSharedIndexInformer<>(
            V1Service.class, new Watching(client, source), Duration.ZERO.toMillis());
    informer.setTransform(CacheTrim.MANAGED_FIELDS);
    return informer;
  }

  /** One list/watch: all namespaces when {@code namespace} is null, optionally one name. */
  private record Source(CoreV1Api api, String namespace, String fieldSelector) {
    CoreV1Api.APIlistServiceForAllNamespacesRequest all(CallGeneratorParams p) {
      return api.listServiceForAllNamespaces()
          .resourceVersion(p.resourceVersion)
          .timeoutSeconds(p.timeoutSeconds);
    }

    CoreV1Api.APIlistNamespacedServiceRequest one(CallGeneratorParams p) {
      return api.listNamespacedService(namespace)
          .fieldSelector(fieldSelector)
          .resourceVersion(p.resourceVersion)
          .timeoutSeconds(p.timeoutSeconds);
    }
  }

  /** Lists, and watches with bookmarks so an idle watch still hears from the API server. */
  private record Watching(ApiClient client, Source source)
      implements ListerWatcher<V1Service, V1ServiceList> {
    @Override
    public V1ServiceList list(CallGeneratorParams p) throws ApiException {
      return source.namespace() == null ? source.all(p).execute() : source.one(p).execute();
    }

    @Override
    public Watchable<V1Service> watch(CallGeneratorParams p) throws ApiException {
      var call =
          source.namespace() == null
              ? source.all(p).allowWatchBookmarks(true).watch(true).buildCall(null)
              : source.one(p).allowWatchBookmarks(true).watch(true).buildCall(null);
      return Watch.createWatch(
          client, call, new TypeToken<Watch.Response<V1Service>>() {}.getType());
    }
  }
}
