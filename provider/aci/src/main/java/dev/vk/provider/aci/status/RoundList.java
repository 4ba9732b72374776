package dev.vk.provider.aci.status;

import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.List;

/**
 * The owned groups a status round's list held, kept until the next round lists so that {@link
 * PodListing} can answer getPods from it. Per group only its name, and the pod built from its list
 * entry when the cache had no fresh status for it then (a new or changed group, every group right
 * after a restart); a group the cache knew is answered from the cache. Immutable.
 *
 * @param began when the list's first page was asked for: a group written after that may be missing
 */
record RoundList(Instant began, List<Entry> entries) {

  /**
   * @param unfetched the listed pod without status, or null when the cache was fresh for it
   */
  record Entry(String name, V1Pod unfetched) {}
}
