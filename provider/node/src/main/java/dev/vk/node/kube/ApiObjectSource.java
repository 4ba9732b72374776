package dev.vk.node.kube;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServiceAccountList;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private final String resource;
  private final ApiClient calls;
  private final ApiClient watches;
  private final Type objectType;
  private final Type listType;
  private final Type watchType;

  /**
   * @param resource a core (v1) namespaced resource, plural: the calls are the API's paths for it,
   *     the same for every kind, so one source serves each
   */
  private ApiObjectSource(
      String resource,
      ApiClient calls,
      ApiClient watches,
      Type objectType,
      Type listType,
      Type watchType) {
    this.resource = resource;
    this.calls = calls;
    this.watches = watches;
    this.objectType = objectType;
    this.listType = listType;
    this.watchType = watchType;
  }

  static ObjectSource<V1ConfigMap> configMaps(ApiClient calls, ApiClient watches) {
    return of("configmaps", V1ConfigMap.class, V1ConfigMapList.class, calls, watches);
  }

  static ObjectSource<V1Secret> secrets(ApiClient calls, ApiClient watches) {
    return of("secrets", V1Secret.class, V1SecretList.class, calls, watches);
  }

  static ObjectSource<V1ServiceAccount> serviceAccounts(ApiClient calls, ApiClient watches) {
    return of(
        "serviceaccounts", V1ServiceAccount.class, V1ServiceAccountList.class, calls, watches);
  }

  private static <T extends KubernetesObject> ObjectSource<T> of(
      String resource, Class<T> type, Class<?> listType, ApiClient calls, ApiClient watches) {
    return new ApiObjectSource<>(
        resource,
        calls,
        watches,
        type,
        listType,
        TypeToken.getParameterized(Watch.Response.class, type).getType());
  }

  /** GET of the kind in {@code namespace}, or of {@code name} in it, as client-java builds it. */
  private Call call(ApiClient client, String namespace, String name, List<Pair> query)
      throws ApiException {
    String path = "/api/v1/namespaces/" + client.escapeString(namespace) + "/" + resource;
    if (name != null) {
      path += "/" + client.escapeString(name);
    }
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    return client.buildCall(
        null,
        path,
        "GET",
        query,
        new ArrayList<>(),
        null,
        headers,
        new HashMap<>(),
        new HashMap<>(),
        new String[] {"BearerToken"},
        null);
  }

  /** The list of {@code name}, or its watch when {@code watch} is true. */
  private Call list(String namespace, String name, String rv, boolean watch, Integer seconds)
      throws ApiException {
    List<Pair> query = new ArrayList<>(watches.parameterToPair("fieldSelector", selector(name)));
    query.addAll(watches.parameterToPair("resourceVersion", rv));
    if (watch) {
      query.addAll(watches.parameterToPair("allowWatchBookmarks", true));
      query.addAll(watches.parameterToPair("watch", true));
      query.addAll(watches.parameterToPair("timeoutSeconds", seconds));
    }
    return call(watches, namespace, null, query);
  }

  @Override
  public String resource() {
    return resource;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Listed<T> list(String namespace, String name) throws ApiException {
    Call call = list(namespace, name, null, false, null);
    KubernetesListObject list = watches.<KubernetesListObject>execute(call, listType).getData();
    List<? extends KubernetesObject> items = list.getItems();
    T found = items == null || items.isEmpty() ? null : (T) items.get(0);
    return new Listed<>(found, list.getMetadata().getResourceVersion());
  }

  @Override
  public Watchable<T> watch(String namespace, String name, String resourceVersion)
      throws ApiException {
    int seconds = WATCH_SECONDS + ThreadLocalRandom.current().nextInt(WATCH_SECONDS);
    Call call = list(namespace, name, resourceVersion, true, seconds);
    return Watch.createWatch(watches, call, watchType);
  }

  @Override
  public Optional<T> get(String namespace, String name) throws ApiException {
    try {
      Call call = call(calls, namespace, name, new ArrayList<>());
      return Optional.of(calls.<T>execute(call, objectType).getData());
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
