package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Watch;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** Pod watch lines as kube-apiserver 1.34 sends them, bookmark first. */
class BookmarkWatchTest {

  private static final String BOOKMARK =
      "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":"
          + "{\"resourceVersion\":\"4711\",\"creationTimestamp\":null,\"annotations\":"
          + "{\"k8s.io/initial-events-end\":\"true\"}},\"spec\":{\"containers\":null},"
          + "\"status\":{}}}";
  private static final String ADDED =
      "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":"
          + "{\"name\":\"web\",\"namespace\":\"default\",\"resourceVersion\":\"4712\"},"
          + "\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]},"
          + "\"status\":{\"phase\":\"Pending\"}}}";
  private static final Type WATCH_TYPE = new TypeToken<Watch.Response<V1Pod>>() {}.getType();

  @Test
  void aBookmarkReachesTheInformerWithItsResourceVersionAndTheNextEventFollows() {
    Watch<V1Pod> watch = bookmarkWatch(BOOKMARK + "\n" + ADDED + "\n");

    Watch.Response<V1Pod> bookmark = watch.next();
    assertThat(bookmark.type).isEqualTo("BOOKMARK");
    assertThat(bookmark.object.getMetadata().getResourceVersion()).isEqualTo("4711");

    Watch.Response<V1Pod> added = watch.next();
    assertThat(added.type).isEqualTo("ADDED");
    assertThat(added.object.getMetadata().getName()).isEqualTo("web");
    assertThat(added.object.getSpec().getContainers()).hasSize(1);
  }

  @Test
  void thePlainWatchCannotReadTheSameBookmark() {
    // Why BookmarkWatch exists: client-java's own Watch throws, and the informer relists.
    Watch<V1Pod> plain = new PlainWatch(body(BOOKMARK + "\n"));

    assertThatThrownBy(plain::next).hasMessageContaining("containers");
  }

  @Test
  void aPodWhoseNameMentionsBookmarkIsAnOrdinaryEvent() {
    String added = ADDED.replace("\"web\"", "\"BOOKMARK\"");

    Watch.Response<V1Pod> event = bookmarkWatch(added + "\n").next();

    assertThat(event.type).isEqualTo("ADDED");
    assertThat(event.object.getMetadata().getName()).isEqualTo("BOOKMARK");
  }

  private static Watch<V1Pod> bookmarkWatch(String lines) {
    return new BookmarkWatch<>(
        new JSON(), body(lines), WATCH_TYPE, null, metadata -> new V1Pod().metadata(metadata));
  }

  private static ResponseBody body(String lines) {
    return ResponseBody.create(lines, MediaType.get("application/json"));
  }

  private static final class PlainWatch extends Watch<V1Pod> {
    PlainWatch(ResponseBody body) {
      super(new JSON(), body, WATCH_TYPE, null);
    }
  }
}
