package dev.vk.node.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Watchable;
import java.util.Optional;

/**
 * One kind's API calls for single objects by name: the list and watch a watch cache runs, and the
 * plain read it falls back to. Every method blocks for one API call; implementations are
 * thread-safe.
 */
public interface ObjectSource<T extends KubernetesObject> {

  /** The resource, plural, for logs ("configmaps"). */
  String resource();

  /** Lists {@code name} in {@code namespace} ({@code fieldSelector metadata.name}). */
  Listed<T> list(String namespace, String name) throws ApiException;

  /** Watches {@code name} from {@code resourceVersion}, with bookmarks. */
  Watchable<T> watch(String namespace, String name, String resourceVersion) throws ApiException;

  /** Reads the object; empty when the API server answers NotFound. */
  Optional<T> get(String namespace, String name) throws ApiException;

  /**
   * A list's answer: the object, or null when it does not exist, and the resourceVersion to watch
   * from.
   */
  record Listed<T>(T object, String resourceVersion) {}
}
