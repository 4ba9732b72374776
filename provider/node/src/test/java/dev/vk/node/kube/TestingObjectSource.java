package dev.vk.node.kube;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API server of ConfigMaps in memory that counts the lists, watches and reads it answers; lists
 * can be refused or held, and {@link #change} sends a watch event to every open watch.
 */
final class TestingObjectSource implements ObjectSource<V1ConfigMap> {
  final AtomicInteger lists = new AtomicInteger();
  final AtomicInteger watches = new AtomicInteger();
  final AtomicInteger gets = new AtomicInteger();
  final List<QueueWatch> open = new CopyOnWriteArrayList<>();
  private final Map<String, V1ConfigMap> objects = new ConcurrentHashMap<>();
  private volatile int refuseWith;
  private volatile int refuseGetsWith;
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private final AtomicInteger version = new AtomicInteger(1);

  static V1ConfigMap configMap(String namespace, String name, String value) {
    return new V1ConfigMap()
        .metadata(new V1ObjectMeta().namespace(namespace).name(name))
        .data(Map.of("key", value));
  }

  /** Stores the object and tells every open watch (ADDED, MODIFIED, or DELETED for null). */
  void change(String namespace, String name, V1ConfigMap object) {
    String rv = Integer.toString(version.incrementAndGet());
    V1ConfigMap old = objects.get(namespace + "/" + name);
    if (object == null) {
      objects.remove(namespace + "/" + name);
    } else {
      object.getMetadata().resourceVersion(rv);
      objects.put(namespace + "/" + name, object);
    }
    String type = object == null ? "DELETED" : old == null ? "ADDED" : "MODIFIED";
    V1ConfigMap sent = object == null ? old : object;
    for (QueueWatch w : open) {
      if (w.key.equals(namespace + "/" + name)) {
        w.events.add(new Watch.Response<>(type, sent));
      }
    }
  }

  /** Lists and watches answer this HTTP code from now on (0: answer again). */
  void refuseWith(int code) {
    refuseWith = code;
  }

  /** Plain reads answer this HTTP code from now on. */
  void refuseGetsWith(int code) {
    refuseGetsWith = code;
  }

  /** Lists wait until the returned latch is released. */
  CountDownLatch holdLists() {
    hold = new CountDownLatch(1);
    return hold;
  }

  @Override
  public String resource() {
    return "configmaps";
  }

  @Override
  public Listed<V1ConfigMap> list(String namespace, String name) throws ApiException {
    lists.incrementAndGet();
    try {
      hold.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(e);
    }
    refuse();
    return new Listed<>(objects.get(namespace + "/" + name), Integer.toString(version.get()));
  }

  @Override
  public Watchable<V1ConfigMap> watch(String namespace, String name, String resourceVersion)
      throws ApiException {
    refuse();
    watches.incrementAndGet();
    QueueWatch w = new QueueWatch(namespace + "/" + name);
    open.add(w);
    return w;
  }

  @Override
  public Optional<V1ConfigMap> get(String namespace, String name) throws ApiException {
    gets.incrementAndGet();
    if (refuseGetsWith != 0) {
      throw new ApiException(refuseGetsWith, "refused");
    }
    return Optional.ofNullable(objects.get(namespace + "/" + name));
  }

  private void refuse() throws ApiException {
    int code = refuseWith;
    if (code != 0) {
      throw new ApiException(code, "refused");
    }
  }

  /** A watch fed from a queue; closing it ends its iteration. */
  final class QueueWatch implements Watchable<V1ConfigMap> {
    private static final Watch.Response<V1ConfigMap> END = new Watch.Response<>("END", null);
    final String key;
    final LinkedBlockingQueue<Watch.Response<V1ConfigMap>> events = new LinkedBlockingQueue<>();
    volatile boolean closed;
    private Watch.Response<V1ConfigMap> next;

    QueueWatch(String key) {
      this.key = key;
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null) {
          next = events.poll(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return next != END;
    }

    @Override
    public Watch.Response<V1ConfigMap> next() {
      Watch.Response<V1ConfigMap> r = next;
      next = null;
      return r;
    }

    @Override
    public Iterator<Watch.Response<V1ConfigMap>> iterator() {
      return this;
    }

    @Override
    public void close() {
      closed = true;
      open.remove(this);
      events.add(END);
    }
  }
}
