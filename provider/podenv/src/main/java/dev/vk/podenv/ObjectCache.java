package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers every lookup of one resolve call, failures included, so each referenced object is read
 * once however many containers and variables refer to it, and all see the same version.
 */
final class ObjectCache {

  /** One object's string data; {@code data} empty means NotFound, {@code error} a failed read. */
  record Fetched(Optional<Map<String, String>> data, LookupException error) {}

  private final ObjectLookup lookup;
  private final String namespace;
  private final Map<String, Fetched> sources = new HashMap<>();
  private final Map<String, Object> services = new HashMap<>();

  ObjectCache(ObjectLookup lookup, String namespace) {
    this.lookup = lookup;
    this.namespace = namespace;
  }

  String namespace() {
    return namespace;
  }

  Fetched fetch(SourceKind kind, String name) {
    return sources.computeIfAbsent(
        kind + "/" + name,
        key -> {
          try {
            return new Fetched(kind.read(lookup, namespace, name), null);
          } catch (LookupException e) {
            return new Fetched(Optional.empty(), e);
          }
        });
  }

  @SuppressWarnings("unchecked")
  Optional<V1Service> service(String serviceNamespace, String name) throws LookupException {
    Object cached =
        services.computeIfAbsent(
            serviceNamespace + "/" + name,
            key -> {
              try {
                return lookup.service(serviceNamespace, name);
              } catch (LookupException e) {
                return e;
              }
            });
    if (cached instanceof LookupException e) {
      throw e;
    }
    return (Optional<V1Service>) cached;
  }

  @SuppressWarnings("unchecked")
  List<V1Service> services(String serviceNamespace) throws LookupException {
    Object cached =
        services.computeIfAbsent(
            serviceNamespace,
            ns -> {
              try {
                List<V1Service> found = lookup.services(ns);
                return found == null ? List.of() : found;
              } catch (LookupException e) {
                return e;
              }
            });
    if (cached instanceof LookupException e) {
      throw e;
    }
    return (List<V1Service>) cached;
  }
}
