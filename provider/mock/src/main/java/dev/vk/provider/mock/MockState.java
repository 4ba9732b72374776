package dev.vk.provider.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the mock must remember: pods by namespace/name, call counters and where pod address
 * allocation continues. Not thread-safe; {@link InMemoryProvider} guards it.
 */
final class MockState {

  /** 10.244.0.1 to 10.244.255.254, skipping .0 and .255 in each block of 256. */
  private static final int ADDRESSES = 256 * 254;

  private final Map<String, PodRecord> pods = new LinkedHashMap<>();
  // The current pods' addresses, kept along: collecting them for each creation cost O(pods).
  private final Set<String> taken = new HashSet<>();
  private final Map<String, Long> callCounts = new TreeMap<>();
  private long nextAddress;

  Optional<PodRecord> get(String key) {
    return Optional.ofNullable(pods.get(key));
  }

  Collection<PodRecord> pods() {
    return List.copyOf(pods.values());
  }

  void put(PodRecord record) {
    PodRecord old = pods.put(record.key(), record);
    if (old != null) {
      taken.remove(old.podIp());
    }
    taken.add(record.podIp());
  }

  void remove(String key) {
    PodRecord old = pods.remove(key);
    if (old != null) {
      taken.remove(old.podIp());
    }
  }

  void count(String operation) {
    callCounts.merge(operation, 1L, Long::sum);
  }

  Map<String, Long> callCounts() {
    return Map.copyOf(callCounts);
  }

  /** The next address no current pod holds; deterministic given the order of creations. */
  String allocateAddress() {
    for (int tries = 0; tries < ADDRESSES; tries++) {
      long index = nextAddress++ % ADDRESSES;
      String ip = "10.244." + index / 254 + "." + (index % 254 + 1);
      if (!taken.contains(ip)) {
        return ip;
      }
    }
    throw new IllegalStateException("all " + ADDRESSES + " pod addresses are taken");
  }

  StateFile.Document toDocument() {
    List<StateFile.StoredPod> stored = new ArrayList<>();
    for (PodRecord record : pods.values()) {
      try {
        stored.add(
            new StateFile.StoredPod(
                record.createdAt().toString(),
                record.podIp(),
                StateFile.MAPPER.readTree(JSON.serialize(record.pod()))));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the Kubernetes JSON of a pod did not parse", e);
      }
    }
    return new StateFile.Document(StateFile.VERSION, nextAddress, callCounts(), stored);
  }

  /**
   * The state a document describes.
   *
   * @throws IllegalArgumentException when a stored pod no longer validates
   */
  static MockState of(StateFile.Document document) {
    MockState state = new MockState();
    state.nextAddress = document.nextAddress();
    if (document.callCounts() != null) {
      state.callCounts.putAll(document.callCounts());
    }
    for (StateFile.StoredPod stored : orEmpty(document.pods())) {
      V1Pod pod = JSON.deserialize(stored.pod().toString(), V1Pod.class);
      try {
        state.put(PodRecord.of(pod, Instant.parse(stored.createdAt()), stored.podIp()));
      } catch (ProviderException e) {
        throw new IllegalArgumentException("stored pod is invalid: " + e.getMessage(), e);
      }
    }
    return state;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
