package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.emulator.aci.model.GroupKey;
import dev.vk.emulator.aci.model.IpAllocator;
import dev.vk.emulator.aci.validation.ContainerGroupValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The {@code Microsoft.ContainerInstance/containerGroups} operations. */
public final class ContainerGroupsApi {

  private final ContainerGroupStore store;
  private final ContainerGroupJson json;
  private final Clock clock;
  private final int pageSize;
  private final Supplier<String> baseUrl;
  private final CreateOrUpdateOperation createOrUpdate;

  /** The API over {@code store}; list results are paged by {@code pageSize}. */
  public ContainerGroupsApi(
      ContainerGroupStore store,
      IpAllocator ips,
      ContainerGroupValidator validator,
      AsyncOperations operations,
      ContainerGroupJson json,
      Clock clock,
      int pageSize,
      int maxGroups,
      Supplier<String> baseUrl) {
    this.store = store;
    this.json = json;
    this.clock = clock;
    this.pageSize = pageSize;
    this.baseUrl = baseUrl;
    this.createOrUpdate =
        new CreateOrUpdateOperation(store, ips, validator, operations, json, clock, maxGroups);
  }

  /** {@code PUT}: create or update. */
  public ArmResponse createOrUpdate(ArmRequest request) {
    return createOrUpdate.handle(request, key(request));
  }

  /** {@code GET}: the group with its instance view. */
  public ArmResponse get(ArmRequest request) {
    ContainerGroup group = existing(request);
    return ArmResponse.json(200, json.render(group, clock.instant(), true));
  }

  /** {@code DELETE}: 200 with the deleted group, 204 if there was none. */
  public ArmResponse delete(ArmRequest request) {
    Instant now = clock.instant();
    return store
        .remove(key(request))
        .map(group -> ArmResponse.json(200, json.render(group, now, true)))
        .orElse(ArmResponse.empty(204));
  }

  /** {@code PATCH}: replaces the tags. */
  public ArmResponse update(ArmRequest request) {
    JsonNode tags = request.json().path("tags");
    ObjectNode newTags =
        tags.isObject() ? (ObjectNode) tags.deepCopy() : Json.MAPPER.createObjectNode();
    ContainerGroup group =
        store
            .update(key(request), g -> g.withTags(newTags, g.body()))
            .orElseThrow(() -> notFound(request));
    return ArmResponse.json(200, json.render(group, clock.instant(), true));
  }

  /** {@code POST .../restart}: restarts every container in place (a fresh deployment). */
  public ArmResponse restart(ArmRequest request) {
    Instant now = clock.instant();
    existing(request);
    store.update(key(request), g -> g.redeployed(g.tags(), g.body(), g.spec(), now));
    return ArmResponse.empty(204);
  }

  /** {@code GET .../resourceGroups/{rg}/.../containerGroups}, paged. */
  public ArmResponse listByResourceGroup(ArmRequest request) {
    return page(
        request, store.list(request.param("subscriptionId"), request.param("resourceGroupName")));
  }

  /** {@code GET /subscriptions/{sub}/.../containerGroups}, paged. */
  public ArmResponse list(ArmRequest request) {
    return page(request, store.list(request.param("subscriptionId"), null));
  }

  private ArmResponse page(ArmRequest request, List<ContainerGroup> all) {
    int skip = skipToken(request.queryParam("$skipToken"));
    Instant now = clock.instant();
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode value = body.putArray("value");
    all.stream().skip(skip).limit(pageSize).forEach(g -> value.add(json.render(g, now, false)));
    if (skip + pageSize < all.size()) {
      String path = request.uri().split("\\?")[0];
      body.put(
          "nextLink",
          baseUrl.get()
              + path
              + "?api-version="
              + request.queryParam("api-version")
              + "&$skipToken="
              + (skip + pageSize));
    }
    return ArmResponse.json(200, body);
  }

  private static int skipToken(String token) {
    try {
      return token == null ? 0 : Math.max(0, Integer.parseInt(token));
    } catch (NumberFormatException e) {
      throw new ArmException(400, "InvalidSkipToken", "The skip token '" + token + "' is invalid.");
    }
  }

  private ContainerGroup existing(ArmRequest request) {
    return store.get(key(request)).orElseThrow(() -> notFound(request));
  }

  private static ArmException notFound(ArmRequest request) {
    return ArmException.groupNotFound(
        request.param("resourceGroupName"), request.param("containerGroupName"));
  }

  /** The group addressed by the request path. */
  static GroupKey key(ArmRequest request) {
    return new GroupKey(
        request.param("subscriptionId"),
        request.param("resourceGroupName"),
        request.param("containerGroupName"));
  }
}
