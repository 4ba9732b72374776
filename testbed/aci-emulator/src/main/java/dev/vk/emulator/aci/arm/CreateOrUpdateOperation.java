package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.emulator.aci.model.ContainerGroupSpec;
import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.emulator.aci.model.GroupKey;
import dev.vk.emulator.aci.model.IpAllocator;
import dev.vk.emulator.aci.validation.ContainerGroupValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PUT .../containerGroups/{name}}: validates like ACI, then creates (201) or updates (200)
 * the group. A deployment answers with {@code Azure-AsyncOperation}, which the SDK's poller follows
 * until the containers start. Updates follow ACI's rules: refused while the group is still
 * transitioning, refused for immutable properties, tags-only changes keep the containers running,
 * other changes redeploy them.
 */
final class CreateOrUpdateOperation {

  private final ContainerGroupStore store;
  private final IpAllocator ips;
  private final ContainerGroupValidator validator;
  private final AsyncOperations operations;
  private final ContainerGroupJson json;
  private final Clock clock;
  private final int maxGroups;

  CreateOrUpdateOperation(
      ContainerGroupStore store,
      IpAllocator ips,
      ContainerGroupValidator validator,
      AsyncOperations operations,
      ContainerGroupJson json,
      Clock clock,
      int maxGroups) {
    this.store = store;
    this.ips = ips;
    this.validator = validator;
    this.operations = operations;
    this.json = json;
    this.clock = clock;
    this.maxGroups = maxGroups;
  }

  ArmResponse handle(ArmRequest request, GroupKey key) {
    JsonNode body = request.json();
    ContainerGroupSpec spec = ContainerGroupSpec.parse(body);
    validator.validate(key.name(), body, spec);
    ObjectNode stored = Secrets.strip(body);
    ObjectNode tags =
        body.path("tags").isObject()
            ? (ObjectNode) body.get("tags").deepCopy()
            : Json.MAPPER.createObjectNode();
    stored.remove("tags");
    Instant now = clock.instant();
    Optional<ContainerGroup> existing = store.get(key);
    if (existing.isEmpty()) {
      checkQuota(key, spec);
      ContainerGroup created =
          new ContainerGroup(key, spec.location(), tags, stored, spec, now, ip(spec), Map.of());
      store.put(created);
      return deployment(201, created, request, now);
    }
    ContainerGroup old = existing.get();
    if (now.isBefore(old.startsAt(json.settings()))) {
      throw new ArmException(
          409,
          "ContainerGroupTransitioning",
          "The container group '" + key.name() + "' is still transitioning, please retry later.");
    }
    if (!old.spec().immutable().equals(spec.immutable())) {
      throw new ArmException(
          400,
          "InvalidContainerGroupUpdate",
          "The updates on container group '"
              + key.name()
              + "' are invalid. If you are going to update the os type,"
              + " restart policy, network profile, CPU, memory or GPU resources for a container group, you must"
              + " delete it first and then create a new one.");
    }
    if (old.body().path("properties").equals(stored.path("properties"))) {
      ContainerGroup retagged = old.withTags(tags, stored);
      store.put(retagged);
      return ArmResponse.json(200, json.render(retagged, now, true));
    }
    ContainerGroup redeployed = old.redeployed(tags, stored, spec, now);
    store.put(redeployed);
    return deployment(200, redeployed, request, now);
  }

  private ArmResponse deployment(
      int status, ContainerGroup group, ArmRequest request, Instant now) {
    String url = operations.track(group, request.queryParam("api-version"));
    return ArmResponse.json(status, json.render(group, now, true))
        .withHeader("Azure-AsyncOperation", url);
  }

  private void checkQuota(GroupKey key, ContainerGroupSpec spec) {
    if (maxGroups > 0 && store.count(key.subscription()) >= maxGroups) {
      throw new ArmException(
          409,
          "ContainerGroupQuotaReached",
          "Resource type 'Microsoft.ContainerInstance/containerGroups' container group quota 'ContainerGroups' exceeded in region '"
              + spec.location()
              + "'. Limit: '"
              + maxGroups
              + "', Usage: '"
              + maxGroups
              + "' Requested: '1'.");
    }
  }

  private String ip(ContainerGroupSpec spec) {
    if ("Public".equalsIgnoreCase(spec.ipAddressType())) {
      return ips.nextPublic();
    }
    boolean privateIp =
        "Private".equalsIgnoreCase(spec.ipAddressType()) || !spec.subnetIds().isEmpty();
    if (!privateIp) {
      return null;
    }
    try {
      return ips.nextPrivate(this::ipInUse);
    } catch (IllegalStateException full) {
      throw new ArmException(400, "SubnetFull", full.getMessage() + "; delete container groups");
    }
  }

  private boolean ipInUse(String ip) {
    return store.all().stream().anyMatch(g -> ip.equals(g.ip()));
  }
}
