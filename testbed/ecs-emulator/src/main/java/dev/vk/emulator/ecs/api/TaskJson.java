package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.NetworkInterface;
import dev.vk.emulator.ecs.state.Task;
import java.time.Instant;

/** Renders a {@link Task} as the ECS Task structure. Call with the state lock held. */
final class TaskJson {
  private TaskJson() {}

  static ObjectNode render(Task task, boolean includeTags) {
    ObjectNode json = Json.object();
    json.set("attachments", attachments(task));
    json.putArray("attributes")
        .addObject()
        .put("name", "ecs.cpu-architecture")
        .put("value", "x86_64");
    json.put("availabilityZone", task.availabilityZone);
    if (task.capacityProviderName != null) {
      json.put("capacityProviderName", task.capacityProviderName);
    }
    json.put("clusterArn", task.clusterArn);
    if (task.connectivity != null) {
      json.put("connectivity", task.connectivity);
    }
    time(json, "connectivityAt", task.connectivityAt);
    ArrayNode containers = json.putArray("containers");
    task.containers.forEach(c -> containers.add(container(task, c)));
    json.put("cpu", task.cpu);
    time(json, "createdAt", task.createdAt);
    json.put("desiredStatus", task.desiredStatus);
    json.put("enableExecuteCommand", task.enableExecuteCommand);
    json.putObject("ephemeralStorage").put("sizeInGiB", 20);
    time(json, "executionStoppedAt", task.executionStoppedAt);
    json.put("group", task.group);
    json.put("healthStatus", task.healthStatus);
    json.put("lastStatus", task.lastStatus);
    json.put("launchType", "FARGATE");
    json.put("memory", task.memory);
    json.set("overrides", task.overrides);
    json.put("platformFamily", "Linux");
    json.put("platformVersion", "1.4.0");
    time(json, "pullStartedAt", task.pullStartedAt);
    time(json, "pullStoppedAt", task.pullStoppedAt);
    time(json, "startedAt", task.startedAt);
    if (task.startedBy != null) {
      json.put("startedBy", task.startedBy);
    }
    if (task.stopCode != null) {
      json.put("stopCode", task.stopCode);
    }
    time(json, "stoppedAt", task.stoppedAt);
    if (task.stoppedReason != null) {
      json.put("stoppedReason", task.stoppedReason);
    }
    time(json, "stoppingAt", task.stoppingAt);
    if (includeTags) {
      json.set("tags", Json.tagArray(task.tags));
    }
    json.put("taskArn", task.arn);
    json.put("taskDefinitionArn", task.definition.arn());
    json.put("version", task.version);
    return json;
  }

  private static ArrayNode attachments(Task task) {
    NetworkInterface eni = task.eni;
    ArrayNode attachments = Json.array();
    ObjectNode attachment = attachments.addObject();
    attachment.put("id", eni.attachmentId());
    attachment.put("type", "ElasticNetworkInterface");
    attachment.put("status", task.attachmentStatus);
    ArrayNode details = attachment.putArray("details");
    detail(details, "subnetId", eni.subnetId());
    if (!"PRECREATED".equals(task.attachmentStatus)) {
      detail(details, "networkInterfaceId", eni.networkInterfaceId());
      detail(details, "macAddress", eni.macAddress());
      detail(details, "privateDnsName", eni.privateDnsName());
      detail(details, "privateIPv4Address", eni.privateIpv4Address());
    }
    return attachments;
  }

  private static void detail(ArrayNode details, String name, String value) {
    details.addObject().put("name", name).put("value", value);
  }

  private static ObjectNode container(Task task, ContainerState c) {
    ObjectNode json = Json.object();
    json.put("containerArn", c.arn());
    json.put("cpu", Integer.toString(0));
    if (c.exitCode != null) {
      json.put("exitCode", c.exitCode);
    }
    json.put("healthStatus", c.healthStatus);
    json.put("image", c.definition().image());
    if (c.startedAt != null) {
      json.put("imageDigest", c.imageDigest());
    }
    json.put("lastStatus", c.lastStatus);
    if (c.managedAgentStatus != null) {
      ObjectNode agent = json.putArray("managedAgents").addObject();
      agent.put("name", "ExecuteCommandAgent");
      agent.put("lastStatus", c.managedAgentStatus);
      time(agent, "lastStartedAt", c.managedAgentStartedAt);
    }
    json.put("name", c.name());
    json.putArray("networkBindings");
    ArrayNode interfaces = json.putArray("networkInterfaces");
    if (!"PRECREATED".equals(task.attachmentStatus)) {
      interfaces
          .addObject()
          .put("attachmentId", task.eni.attachmentId())
          .put("privateIpv4Address", task.eni.privateIpv4Address());
    }
    if (c.reason != null) {
      json.put("reason", c.reason);
    }
    if (c.runtimeId != null) {
      json.put("runtimeId", c.runtimeId);
    }
    json.put("taskArn", task.arn);
    return json;
  }

  private static void time(ObjectNode json, String field, Instant instant) {
    if (instant != null) {
      json.put(field, Json.epochSeconds(instant));
    }
  }
}
