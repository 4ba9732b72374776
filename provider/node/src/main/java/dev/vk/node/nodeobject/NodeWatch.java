package dev.vk.node.nodeobject;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeList;

/** Watches this node's own object so that a deleted Node is registered again at once. */
public final class NodeWatch {
  private final SharedIndexInformer<V1Node> informer;
  private final Runnable onDeleted;
  private volatile boolean started;

  public NodeWatch(
      SharedInformerFactory factory, ApiClient watches, String nodeName, Runnable onDeleted) {
    CoreV1Api api = new CoreV1Api(watches);
    this.onDeleted = onDeleted;
    this.informer =
        factory.sharedIndexInformerFor(
            params ->
                api.listNode()
                    .fieldSelector("metadata.name=" + nodeName)
                    .resourceVersion(params.resourceVersion)
                    .timeoutSeconds(params.timeoutSeconds)
                    // A quiet watch then hears from the server about once a minute, so the
                    // client's read timeout only cuts a dead connection.
                    .allowWatchBookmarks(params.watch)
                    .watch(params.watch)
                    .buildCall(null),
            V1Node.class,
            V1NodeList.class,
            0);
  }

  /** Reacts from now on; deletions seen before registration are not ours to repair. */
  public void start() {
    started = true;
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(V1Node node) {}

          @Override
          public void onUpdate(V1Node before, V1Node after) {}

          @Override
          public void onDelete(V1Node node, boolean finalStateUnknown) {
            if (started) {
              onDeleted.run();
            }
          }
        });
  }
}
