package dev.vk.node.pod;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.io.IOException;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists and watches the pods bound to one node, with bookmarks, so an idle watch still hears from
 * the API server about once a minute (which lets a read timeout tell a dead connection from a quiet
 * one), and reports every list, watch and delivered event or bookmark to {@code activity}.
 * Bookmarks are read by {@link BookmarkWatch}: the generated pod model refuses the empty pod they
 * carry.
 */
public final class PodListerWatcher implements ListerWatcher<V1Pod, V1PodList> {
  private static final Logger logger = LoggerFactory.getLogger(PodListerWatcher.class);

  private final ApiClient client;
  private final CoreV1Api api;
  private final String selector;
  private final Runnable activity;

  /**
   * @param activity called on every delivery; must be cheap and must not block
   */
  public PodListerWatcher(ApiClient client, String nodeName, Runnable activity) {
    this.client = client;
    this.api = new CoreV1Api(client);
    this.selector = "spec.nodeName=" + nodeName;
    this.activity = activity;
  }

  @Override
  public V1PodList list(CallGeneratorParams params) throws ApiException {
    V1PodList list =
        api.listPodForAllNamespaces()
            .fieldSelector(selector)
            .resourceVersion(params.resourceVersion)
            .timeoutSeconds(params.timeoutSeconds)
            .execute();
    activity.run();
    return list;
  }

  @Override
  public Watchable<V1Pod> watch(CallGeneratorParams params) throws ApiException {
    var call =
        api.listPodForAllNamespaces()
            .fieldSelector(selector)
            .resourceVersion(params.resourceVersion)
            .timeoutSeconds(params.timeoutSeconds)
            .allowWatchBookmarks(true)
            .watch(true)
            .buildCall(null);
    Watch<V1Pod> watch =
        BookmarkWatch.open(
            client,
            call,
            new TypeToken<Watch.Response<V1Pod>>() {}.getType(),
            metadata -> new V1Pod().metadata(metadata));
    activity.run();
    return new Reporting(watch);
  }

  /** A watch that reports each response it hands to the informer. */
  private final class Reporting implements Watchable<V1Pod> {
    private final Watch<V1Pod> watch;
    private volatile boolean closed;

    Reporting(Watch<V1Pod> watch) {
      this.watch = watch;
    }

    @Override
    public boolean hasNext() {
      try {
        return watch.hasNext();
      } catch (RuntimeException e) {
        if (closed) { // the informer closed it as the node stops: it simply has no more events
          return false;
        }
        // A ping or read timeout found a dead connection (or the API server went away).
        Throwable cause = e.getCause() == null ? e : e.getCause();
        logger.info(
            "Pod watch failed ({}); the informer lists and watches again", cause.toString());
        throw e;
      }
    }

    @Override
    public Watch.Response<V1Pod> next() {
      Watch.Response<V1Pod> next = watch.next();
      activity.run();
      return next;
    }

    @Override
    public Iterator<Watch.Response<V1Pod>> iterator() {
      return this;
    }

    @Override
    public void close() throws IOException {
      closed = true;
      watch.close();
    }
  }
}
