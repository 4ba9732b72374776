package dev.vk.emulator.aci.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** All container groups of the emulator, safe for concurrent use by the event loops. */
public final class ContainerGroupStore {

  private final ConcurrentHashMap<String, ContainerGroup> groups = new ConcurrentHashMap<>();

  /** The group, if it exists. */
  public Optional<ContainerGroup> get(GroupKey key) {
    return Optional.ofNullable(groups.get(key.normalized()));
  }

  /** Stores (creates or replaces) a group. */
  public void put(ContainerGroup group) {
    groups.put(group.key().normalized(), group);
  }

  /** Replaces a group atomically; returns the new value, empty if it did not exist. */
  public Optional<ContainerGroup> update(GroupKey key, UnaryOperator<ContainerGroup> change) {
    return Optional.ofNullable(
        groups.computeIfPresent(key.normalized(), (k, g) -> change.apply(g)));
  }

  /** Removes a group; returns what was removed. */
  public Optional<ContainerGroup> remove(GroupKey key) {
    return Optional.ofNullable(groups.remove(key.normalized()));
  }

  /** Groups of a subscription, optionally of one resource group, in a stable order for paging. */
  public List<ContainerGroup> list(String subscription, String resourceGroup) {
    return groups.values().stream()
        .filter(g -> g.key().subscription().equalsIgnoreCase(subscription))
        .filter(
            g -> resourceGroup == null || g.key().resourceGroup().equalsIgnoreCase(resourceGroup))
        .sorted(Comparator.comparing(g -> g.key().normalized().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** Every group of every subscription, in no particular order. */
  public Collection<ContainerGroup> all() {
    return List.copyOf(groups.values());
  }

  /** How many groups exist in a subscription. */
  public int count(String subscription) {
    return list(subscription, null).size();
  }
}
