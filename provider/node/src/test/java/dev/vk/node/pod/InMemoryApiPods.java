package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The API server's pods as a map, recording the deletions a kubelet makes; keeps statuses. */
final class InMemoryApiPods implements ApiPods {
  final Map<String, V1Pod> pods = new ConcurrentHashMap<>();
  final List<String> deleted = new CopyOnWriteArrayList<>();
  final List<String> deleteCalls = new CopyOnWriteArrayList<>();
  final AtomicInteger statusWrites = new AtomicInteger();
  // Runs right after a read hands out a pod: what the informer does meanwhile (a DELETED event).
  volatile Runnable afterGet = () -> {};

  void put(V1Pod pod) {
    pods.put(PodFacts.key(pod), pod);
  }

  @Override
  public V1Pod get(String key) {
    V1Pod pod = pods.get(key);
    afterGet.run();
    return pod;
  }

  @Override
  public List<V1Pod> list() {
    return new ArrayList<>(pods.values());
  }

  @Override
  public void deleteNow(V1Pod pod) {
    deleteCalls.add(PodFacts.key(pod));
    V1Pod current = pods.get(PodFacts.key(pod));
    if (current != null && PodFacts.sameUid(current, pod)) {
      pods.remove(PodFacts.key(pod));
      deleted.add(PodFacts.key(pod));
    }
  }

  @Override
  public void patchStatus(V1Pod pod, V1PodStatus status, Map<String, String> annotations) {
    V1Pod current = pods.get(PodFacts.key(pod));
    if (current != null && PodFacts.sameUid(current, pod)) {
      current.setStatus(status);
      annotations.forEach(current.getMetadata()::putAnnotationsItem);
      statusWrites.incrementAndGet();
    }
  }
}
