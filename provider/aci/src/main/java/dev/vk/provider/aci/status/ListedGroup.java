package dev.vk.provider.aci.status;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;

/**
 * What a status round keeps of a group's list entry: its name, its {@link GroupCache#signature
 * signature} and whether an unseen exit of it would cost the most ({@link StatusPriority}). A round
 * keeps this instead of ARM's entry (containers, volumes, network, tags) so that, with thousands of
 * groups, no more than one page of entries is in memory at a time.
 */
record ListedGroup(String name, String signature, boolean exitMatters) {

  /** The summary of a list entry (or a GET result). */
  static ListedGroup of(ContainerGroupInner group) {
    return new ListedGroup(
        group.name(), GroupCache.signature(group), StatusPriority.exitMatters(group));
  }
}
