package dev.vk.node.kube;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServiceAccountList;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Call;

/**
 * {@link ObjectSource} over the API: lists and watches on the watch client (its read timeout
 * outlasts the bookmark interval), plain reads on the call client.
 */
final class ApiObjectSource<T extends KubernetesObject> implements ObjectSource<T> {
  /** A watch ends after 5 to 10 minutes, as client-java's reflector asks, then resumes. */
  private static final int WATCH_SECONDS = 300;

  /** The calls of one kind; {@code watch} null for a plain list. */
  private interface Calls {
    Call list(String namespace, String selector, String resourceVersion, Boolean watch, Integer t)
        throws ApiException;

    Call get(String namespace, String name) throws ApiException;
  }

  private final String resource;
  private final ApiClient calls;
  private final ApiClient watches;
  private final Calls build;
  private final Type objectType;
  private final Type listType;
  private final Type watchType;

  private ApiObjectSource(
      String resource,
      ApiClient calls,
      ApiClient watches,
      Calls build,
      Type objectType,
      Type listType,
      Type watchType) {
    this.resource = resource;
    this.calls = calls;
    this.watches = watches;
    this.build = build;
    this.objectType = objectType;
    this.listType = listType;
    this.watchType = watchType;
  }

  static ObjectSource<V1ConfigMap> configMaps(ApiClient calls, ApiClient watches) {
    CoreV1Api w = new CoreV1Api(watches);
    CoreV1Api c = new CoreV1Api(calls);
    Calls build =
        new Calls() {
          @Override
          public Call list(String ns, String selector, String rv, Boolean watch, Integer t)
              throws ApiException {
            return w.listNamespacedConfigMap(ns)
                .fieldSelector(selector)
                .resourceVersion(rv)
                .allowWatchBookmarks(watch)
                .watch(watch)
                .timeoutSeconds(t)
                .buildCall(null);
          }

          @Override
          public Call get(String ns, String name) throws ApiException {
            return c.readNamespacedConfigMap(name, ns).buildCall(null);
          }
        };
    return new ApiObjectSource<>(
        "configmaps",
        calls,
        watches,
        build,
        V1ConfigMap.class,
        V1ConfigMapList.class,
        new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType());
  }

  static ObjectSource<V1Secret> secrets(ApiClient calls, ApiClient watches) {
    CoreV1Api w = new CoreV1Api(watches);
    CoreV1Api c = new CoreV1Api(calls);
    Calls build =
        new Calls() {
          @Override
          public Call list(String ns, String selector, String rv, Boolean watch, Integer t)
              throws ApiException {
            return w.listNamespacedSecret(ns)
                .fieldSelector(selector)
                .resourceVersion(rv)
                .allowWatchBookmarks(watch)
                .watch(watch)
                .timeoutSeconds(t)
                .buildCall(null);
          }

          @Override
          public Call get(String ns, String name) throws ApiException {
            return c.readNamespacedSecret(name, ns).buildCall(null);
          }
        };
    return new ApiObjectSource<>(
        "secrets",
        calls,
        watches,
        build,
        V1Secret.class,
        V1SecretList.class,
        new TypeToken<Watch.Response<V1Secret>>() {}.getType());
  }

  static ObjectSource<V1ServiceAccount> serviceAccounts(ApiClient calls, ApiClient watches) {
    CoreV1Api w = new CoreV1Api(watches);
    CoreV1Api c = new CoreV1Api(calls);
    Calls build =
        new Calls() {
          @Override
          public Call list(String ns, String selector, String rv, Boolean watch, Integer t)
              throws ApiException {
            return w.listNamespacedServiceAccount(ns)
                .fieldSelector(selector)
                .resourceVersion(rv)
                .allowWatchBookmarks(watch)
                .watch(watch)
                .timeoutSeconds(t)
                .buildCall(null);
          }

          @Override
          public Call get(String ns, String name) throws ApiException {
            return c.readNamespacedServiceAccount(name, ns).buildCall(null);
          }
        };
    return new ApiObjectSource<>(
        "serviceaccounts",
        calls,
        watches,
        build,
        V1ServiceAccount.class,
        V1ServiceAccountList.class,
        new TypeToken<Watch.Response<V1ServiceAccount>>() {}.getType());
  }

  @Override
  public String resource() {
    return resource;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Listed<T> list(String namespace, String name) throws ApiException {
    Call call = build.list(namespace, selector(name), null, null, null);
    KubernetesListObject list = watches.<KubernetesListObject>execute(call, listType).getData();
    List<? extends KubernetesObject> items = list.getItems();
    T found = items == null || items.isEmpty() ? null : (T) items.get(0);
    return new Listed<>(found, list.getMetadata().getResourceVersion());
  }

  @Override
  public Watchable<T> watch(String namespace, String name, String resourceVersion)
      throws ApiException {
    int seconds = WATCH_SECONDS + ThreadLocalRandom.current().nextInt(WATCH_SECONDS);
    Call call = build.list(namespace, selector(name), resourceVersion, true, seconds);
    return Watch.createWatch(watches, call, watchType);
  }

  @Override
  public Optional<T> get(String namespace, String name) throws ApiException {
    try {
      return Optional.of(calls.<T>execute(build.get(namespace, name), objectType).getData());
    } catch (ApiException e) {
      if (ApiErrors.notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String selector(String name) {
    return "metadata.name=" + name;
  }
}
