package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.emulator.aci.model.GroupKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * ARM's {@code Azure-AsyncOperation} resources for deployments: {@code InProgress} until the
 * group's containers start, then {@code Succeeded}; {@code Canceled} if the group was deleted or
 * redeployed meanwhile.
 */
public final class AsyncOperations {

  private record Operation(String id, GroupKey key, Instant deployedAt) {}

  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  private final ContainerGroupStore store;
  private final Clock clock;
  private final LifecycleSettings settings;
  private final Supplier<String> baseUrl;

  /** Operations over {@code store}; URLs start with {@code baseUrl}. */
  public AsyncOperations(
      ContainerGroupStore store,
      Clock clock,
      LifecycleSettings settings,
      Supplier<String> baseUrl) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.baseUrl = baseUrl;
  }

  /** Starts tracking the deployment of {@code group}; returns the operation URL. */
  String track(ContainerGroup group, String apiVersion) {
    Operation op = new Operation(UUID.randomUUID().toString(), group.key(), group.deployedAt());
    operations.put(op.id(), op);
    String location = group.location().toLowerCase(Locale.ROOT).replace(" ", "");
    return baseUrl.get()
        + "/subscriptions/"
        + group.key().subscription()
        + "/providers/Microsoft.ContainerInstance/locations/"
        + location
        + "/operations/"
        + op.id()
        + "?api-version="
        + apiVersion;
  }

  /** {@code GET .../locations/{location}/operations/{operationId}}. */
  public ArmResponse get(ArmRequest request) {
    Operation op = operations.get(request.param("operationId"));
    if (op == null) {
      throw new ArmException(
          404,
          "OperationNotFound",
          "The operation '" + request.param("operationId") + "' was not found.");
    }
    ContainerGroup group = store.get(op.key()).orElse(null);
    String status;
    if (group == null || !group.deployedAt().equals(op.deployedAt())) {
      status = "Canceled";
    } else {
      status = clock.instant().isBefore(group.startsAt(settings)) ? "InProgress" : "Succeeded";
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", request.uri().split("\\?")[0]);
    body.put("name", op.id());
    body.put("status", status);
    body.put("startTime", op.deployedAt().toString());
    if (!status.equals("InProgress")) {
      body.put("endTime", (group == null ? clock.instant() : group.startsAt(settings)).toString());
    }
    if (status.equals("Canceled")) {
      body.putObject("error")
          .put("code", "Canceled")
          .put(
              "message",
              "The operation was canceled because the container group was deleted or updated.");
    }
    return ArmResponse.json(200, body);
  }
}
