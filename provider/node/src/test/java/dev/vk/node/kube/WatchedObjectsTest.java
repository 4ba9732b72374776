package dev.vk.node.kube;

import static dev.vk.node.kube.TestingObjectSource.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.provider.DaemonThreads;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.util.Watch;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WatchedObjectsTest {
  private static final String NS = "team";
  private static final String CA = "kube-root-ca.crt";
  private static final Duration IDLE = Duration.ofMinutes(5);

  private final TestingObjectSource api = new TestingObjectSource();
  private final TestingClock clock = new TestingClock();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(DaemonThreads.factory("test-watch"));
  private WatchedObjects<V1ConfigMap> objects = objects(Duration.ofSeconds(5));

  private WatchedObjects<V1ConfigMap> objects(Duration firstWait) {
    return new WatchedObjects<>(api, threads, clock, firstWait, IDLE, Duration.ofMillis(10), 2);
  }

  @AfterEach
  void stop() {
    objects.stopAll();
    threads.shutdownNow();
  }

  private static String value(Optional<V1ConfigMap> found) {
    return found.map(c -> c.getData().get("key")).orElse("(none)");
  }

  @Test
  @DisplayName("pods of a namespace share one list and watch of an object, and read nothing")
  void oneWatchPerObject() throws Exception {
    api.change(NS, CA, configMap(NS, CA, "pem"));

    for (int pod = 0; pod < 100; pod++) {
      assertThat(value(objects.read(NS, CA))).isEqualTo("pem");
    }

    await().until(() -> api.watches.get() == 1);
    assertThat(api.lists).hasValue(1);
    assertThat(api.gets).hasValue(0);
    assertThat(objects.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("past the most watched objects, another object is read by GET, a watched one not")
  void boundedWatches() throws Exception {
    for (String name : new String[] {"a", "b", "c"}) {
      api.change(NS, name, configMap(NS, name, name));
    }
    assertThat(value(objects.read(NS, "a"))).isEqualTo("a");
    assertThat(value(objects.read(NS, "b"))).isEqualTo("b");

    assertThat(value(objects.read(NS, "c"))).isEqualTo("c");
    assertThat(value(objects.read(NS, "a"))).isEqualTo("a");

    assertThat(objects.size()).isEqualTo(2);
    assertThat(api.gets).hasValue(1);
  }

  @Test
  @DisplayName("an object that does not exist reads as empty, without a GET")
  void missing() throws Exception {
    assertThat(objects.read(NS, "absent")).isEmpty();
    assertThat(objects.read(NS, "absent")).isEmpty();
    assertThat(api.gets).hasValue(0);
  }

  @Test
  @DisplayName("a change, a deletion and a later creation reach the next reads")
  void changesAreSeen() throws Exception {
    api.change(NS, "settings", configMap(NS, "settings", "v1"));
    assertThat(value(objects.read(NS, "settings"))).isEqualTo("v1");
    await().until(() -> api.open.size() == 1);

    api.change(NS, "settings", configMap(NS, "settings", "v2"));
    await().until(() -> value(objects.read(NS, "settings")).equals("v2"));
    api.change(NS, "settings", null);
    await().until(() -> objects.read(NS, "settings").isEmpty());
    api.change(NS, "settings", configMap(NS, "settings", "v3"));
    await().until(() -> value(objects.read(NS, "settings")).equals("v3"));

    assertThat(api.gets).hasValue(0);
    assertThat(api.lists).hasValue(1);
  }

  @Test
  @DisplayName("a refused watch (older RBAC) falls back to one GET per read, then tries again")
  void refusedFallsBackToGet() throws Exception {
    api.change(NS, CA, configMap(NS, CA, "pem"));
    api.refuseWith(403);

    assertThat(value(objects.read(NS, CA))).isEqualTo("pem");
    assertThat(value(objects.read(NS, CA))).isEqualTo("pem");
    assertThat(api.gets).hasValue(2);
    assertThat(api.lists).as("a refused watch is not listed again by each read").hasValue(1);

    api.refuseWith(0); // the RBAC was fixed
    clock.advance(IDLE);
    objects.sweep();
    assertThat(value(objects.read(NS, CA))).isEqualTo("pem");
    assertThat(api.gets).hasValue(2);
    assertThat(api.lists).hasValue(2);
  }

  @Test
  @DisplayName("a read waits for a new watch's first list at most the first wait, then reads")
  void slowListFallsBackToGet() throws Exception {
    objects = objects(Duration.ofMillis(100));
    api.change(NS, CA, configMap(NS, CA, "pem"));
    CountDownLatch held = api.holdLists();

    assertThat(value(objects.read(NS, CA))).isEqualTo("pem");
    assertThat(api.gets).hasValue(1);

    held.countDown();
    await().until(() -> api.watches.get() == 1);
    assertThat(value(objects.read(NS, CA))).isEqualTo("pem");
    assertThat(api.gets).hasValue(1);
  }

  @Test
  @DisplayName("a watch nobody read for the idle time is stopped and dropped; a used one stays")
  void unusedWatchesAreDropped() throws Exception {
    api.change(NS, "a", configMap(NS, "a", "1"));
    api.change(NS, "b", configMap(NS, "b", "2"));
    objects.read(NS, "a");
    clock.advance(IDLE.minusMinutes(1));
    objects.read(NS, "b");
    await().until(() -> api.open.size() == 2);

    clock.advance(Duration.ofMinutes(2));
    objects.sweep();

    assertThat(objects.size()).isEqualTo(1);
    await().until(() -> api.open.size() == 1);
    assertThat(api.open.get(0).key).isEqualTo(NS + "/b");
    assertThat(value(objects.read(NS, "a"))).isEqualTo("1");
    assertThat(api.lists).as("a read after the drop watches again").hasValue(3);
  }

  @Test
  @DisplayName("a watch that ends with an error lists again and keeps answering")
  void failedWatchListsAgain() throws Exception {
    api.change(NS, CA, configMap(NS, CA, "pem"));
    objects.read(NS, CA);
    await().until(() -> api.open.size() == 1);

    api.open.get(0).events.add(new Watch.Response<>("ERROR", null));

    await().until(() -> api.lists.get() == 2 && api.open.size() == 1);
    assertThat(value(objects.read(NS, CA))).isEqualTo("pem");
  }

  @Test
  @DisplayName("a read whose GET is refused too fails with the API server's answer")
  void refusedGet() {
    api.refuseWith(403);
    api.refuseGetsWith(403);

    assertThatThrownBy(() -> objects.read(NS, CA))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }
}
