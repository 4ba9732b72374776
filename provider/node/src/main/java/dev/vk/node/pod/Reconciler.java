package dev.vk.node.pod;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the provider's pods with the API's in one provider call: adopts pods both have, deletes
 * provider pods no API pod owns (matched by UID, so a healthy pod is never taken for an orphan),
 * feeds statuses, and queues API pods the provider lacks. Runs at startup and periodically. A pod
 * listed without status is adopted and its status left as the API has it. Its list also tells which
 * names the provider may hold ({@link ProviderKeys}), so new pods are created without a read.
 */
public final class Reconciler {
  private static final Logger logger = LoggerFactory.getLogger(Reconciler.class);

  private final PodLifecycle provider;
  private final ApiPods pods;
  private final PlacedPods placed;
  private final Consumer<V1Pod> status;
  private final Consumer<String> sync;

  public Reconciler(
      PodLifecycle provider,
      ApiPods pods,
      PlacedPods placed,
      Consumer<V1Pod> status,
      Consumer<String> sync) {
    this.provider = provider;
    this.pods = pods;
    this.placed = placed;
    this.status = status;
    this.sync = sync;
  }

  /**
   * @param startup at startup every API pod is queued; later only pods that need attention
   * @return how many orphans were deleted
   */
  public int reconcile(boolean startup) throws ProviderException {
    return reconcile(provider.getPods(), startup);
  }

  /**
   * Reconciles with pods the provider listed already.
   *
   * @param running the provider's pods, listed before the API's are read here
   * @param startup at startup every API pod is queued; later only pods that need attention
   * @return how many orphans were deleted
   */
  public int reconcile(List<V1Pod> running, boolean startup) {
    Map<String, V1Pod> apiByUid = new HashMap<>();
    Set<String> apiKeys = new HashSet<>();
    for (V1Pod pod : pods.list()) {
      apiByUid.put(PodFacts.uid(pod), pod);
      apiKeys.add(PodFacts.key(pod));
    }
    Set<String> runningUids = new HashSet<>();
    Set<String> runningKeys = new HashSet<>();
    for (V1Pod p : running) {
      runningUids.add(PodFacts.uid(p));
      runningKeys.add(PodFacts.key(p));
    }
    // Orphans' keys stay held too: their deletes below may still be under way when a pod of the
    // same name is created.
    placed.keys().keepOnly(runningKeys, apiKeys);
    placed.keys().listed(runningKeys);
    int orphans = 0;
    for (V1Pod p : running) {
      V1Pod api = apiByUid.get(PodFacts.uid(p));
      if (api == null) {
        logger.info(
            "Deleting orphan {} (uid {}) at the provider: no API pod owns it",
            PodFacts.key(p),
            PodFacts.uid(p));
        try {
          provider.deletePod(p);
          orphans++;
        } catch (ProviderException e) {
          logger.warn("Could not delete orphan {}: {}", PodFacts.key(p), e.getMessage());
        }
        continue;
      }
      placed.adopted(PodFacts.uid(api));
      status.accept(p);
    }
    for (V1Pod api : pods.list()) {
      boolean missing = !runningUids.contains(PodFacts.uid(api));
      boolean needsWork =
          PodFacts.deleting(api)
              || (missing && !PodFacts.terminal(api) && placed.contains(PodFacts.uid(api)));
      if (startup || needsWork) {
        sync.accept(PodFacts.key(api));
      }
    }
    return orphans;
  }
}
