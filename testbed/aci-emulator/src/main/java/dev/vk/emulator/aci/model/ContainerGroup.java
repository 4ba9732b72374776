package dev.vk.emulator.aci.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.lifecycle.ContainerTimeline;
import dev.vk.emulator.aci.lifecycle.Kill;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored container group. Immutable: every change produces a new value, so the store can swap it
 * atomically and readers never see half an update.
 *
 * @param key where it lives
 * @param location the ARM location
 * @param tags resource tags
 * @param body the PUT body without secrets, echoed back by GET
 * @param spec the parsed body
 * @param deployedAt when the current deployment (create or redeploy) began pulling images
 * @param ip the assigned IP address, or null when the group has none
 * @param kills out-of-band exits per container name
 */
public record ContainerGroup(
    GroupKey key,
    String location,
    ObjectNode tags,
    ObjectNode body,
    ContainerGroupSpec spec,
    Instant deployedAt,
    String ip,
    Map<String, List<Kill>> kills) {

  /** ARM resource type. */
  public static final String TYPE = "Microsoft.ContainerInstance/containerGroups";

  /** The ARM resource id. */
  public String id() {
    return key.resourceGroupPath() + "/providers/" + TYPE + "/" + key.name();
  }

  /** When images finish pulling and containers first start. */
  public Instant startsAt(LifecycleSettings settings) {
    return deployedAt.plus(settings.pullTime());
  }

  /** The timeline of one container at {@code now}. */
  public ContainerTimeline timeline(ContainerSpec container, Instant now, LifecycleSettings s) {
    return ContainerTimeline.compute(
        container.behaviour(),
        spec.policy(),
        startsAt(s),
        kills.getOrDefault(container.name(), List.of()),
        now,
        s);
  }

  /** This group with one more out-of-band exit. */
  public ContainerGroup withKill(String container, Kill kill) {
    Map<String, List<Kill>> copy = new HashMap<>(kills);
    List<Kill> list = new ArrayList<>(copy.getOrDefault(container, List.of()));
    list.add(kill);
    copy.put(container, List.copyOf(list));
    return new ContainerGroup(key, location, tags, body, spec, deployedAt, ip, Map.copyOf(copy));
  }

  /** This group with new tags and body but the same deployment (a tags-only update). */
  public ContainerGroup withTags(ObjectNode newTags, ObjectNode newBody) {
    return new ContainerGroup(key, location, newTags, newBody, spec, deployedAt, ip, kills);
  }

  /** This group redeployed: containers restart from a fresh image pull, the IP is kept. */
  public ContainerGroup redeployed(
      ObjectNode newTags, ObjectNode newBody, ContainerGroupSpec newSpec, Instant now) {
    return new ContainerGroup(key, location, newTags, newBody, newSpec, now, ip, Map.of());
  }
}
