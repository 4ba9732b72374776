package dev.vk.emulator.ecs.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.state.ContainerDefinition.AwsLogsConfig;
import dev.vk.emulator.ecs.state.ContainerDefinition.Dependency;
import dev.vk.emulator.ecs.state.ContainerDefinition.HealthCheck;
import dev.vk.emulator.ecs.state.ContainerDefinition.MountPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a RegisterTaskDefinition request the way ECS does for Fargate and normalizes it into
 * the description ECS echoes back. Messages quoted from ECS are kept verbatim; the few that are the
 * emulator's own wording are marked in docs/emulators/fargate.md.
 */
public final class TaskDefinitionParser {
  private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Set<String> CONDITIONS = Set.of("START", "COMPLETE", "SUCCESS", "HEALTHY");

  private TaskDefinitionParser() {}

  /** A validated request: the normalized description minus ARN, revision and timestamps. */
  public record Parsed(
      String family,
      ObjectNode description,
      List<ContainerDefinition> containers,
      boolean fargateCompatible) {}

  public static Parsed parse(ObjectNode request) {
    String family = Json.text(request, "family");
    if (family == null || !FAMILY.matcher(family).matches()) {
      throw AwsException.client(
          "Family name must be 1-255 letters, numbers, hyphens and underscores.");
    }
    List<JsonNode> definitions = Json.elements(request, "containerDefinitions");
    if (definitions.isEmpty()) {
      throw AwsException.client("Container list cannot be empty.");
    }
    boolean requiresFargate = Json.strings(request, "requiresCompatibilities").contains("FARGATE");
    String networkMode = Json.text(request, "networkMode");
    ObjectNode description = request.deepCopy();
    description.remove("tags");

    OptionalInt cpu = FargateSizes.parseCpu(Json.text(request, "cpu"));
    OptionalInt memory = FargateSizes.parseMemory(Json.text(request, "memory"));
    if (requiresFargate) {
      checkFargateTask(networkMode, request, cpu, memory);
    }
    cpu.ifPresent(units -> description.put("cpu", Integer.toString(units)));
    memory.ifPresent(mib -> description.put("memory", Integer.toString(mib)));

    List<ContainerDefinition> containers = new ArrayList<>();
    var normalized = description.putArray("containerDefinitions");
    int cpuSum = 0;
    for (JsonNode definition : definitions) {
      ContainerDefinition container = container(definition, requiresFargate, request);
      containers.add(container);
      normalized.add(normalize(definition, container));
      cpuSum += definition.path("cpu").asInt(0);
    }
    checkContainers(containers);
    if (cpu.isPresent() && cpuSum > cpu.getAsInt()) {
      throw AwsException.client(
          "The sum of all container 'cpu' values cannot be greater than the value of the task"
              + " 'cpu'.");
    }
    boolean fargate =
        "awsvpc".equals(networkMode)
            && cpu.isPresent()
            && memory.isPresent()
            && FargateSizes.isValid(cpu.getAsInt(), memory.getAsInt());
    description.put("status", "ACTIVE");
    var compatibilities = description.putArray("compatibilities").add("EC2");
    if (fargate) {
      compatibilities.add("FARGATE");
    }
    if (!description.has("requiresCompatibilities")) {
      description.putArray("requiresCompatibilities");
    }
    description.putArray("volumes").addAll(Json.elements(request, "volumes"));
    description.putArray("placementConstraints");
    description.set("requiresAttributes", requiresAttributes(containers, networkMode));
    return new Parsed(family, description, containers, fargate);
  }

  private static void checkFargateTask(
      String networkMode, ObjectNode request, OptionalInt cpu, OptionalInt memory) {
    if (!"awsvpc".equals(networkMode)) {
      throw AwsException.client("Fargate only supports network mode \u2018awsvpc\u2019.");
    }
    if (cpu.isEmpty()) {
      throw AwsException.client("Fargate requires that 'cpu' be defined at the task level.");
    }
    if (memory.isEmpty()) {
      throw AwsException.client("Fargate requires that 'memory' be defined at the task level.");
    }
    if (!FargateSizes.isValid(cpu.getAsInt(), memory.getAsInt())) {
      throw AwsException.client(
          "No Fargate configuration exists for given values: "
              + cpu.getAsInt()
              + " CPU, "
              + memory.getAsInt()
              + " memory. See the Amazon ECS documentation for the valid values.");
    }
  }

  private static ContainerDefinition container(
      JsonNode definition, boolean requiresFargate, ObjectNode task) {
    String name = Json.text(definition, "name");
    if (name == null || name.isEmpty()) {
      throw AwsException.client("Container.name should not be null or empty.");
    }
    String image = Json.text(definition, "image");
    if (image == null || image.isEmpty()) {
      throw AwsException.client("Container.image should not be null or empty.");
    }
    List<Dependency> dependsOn = new ArrayList<>();
    for (JsonNode dependency : Json.elements(definition, "dependsOn")) {
      String condition = Json.text(dependency, "condition");
      if (!CONDITIONS.contains(condition)) {
        throw AwsException.client("Invalid dependsOn condition: " + condition);
      }
      dependsOn.add(new Dependency(Json.text(dependency, "containerName"), condition));
    }
    return new ContainerDefinition(
        name,
        image,
        Json.bool(definition, "essential", true),
        Json.strings(definition, "entryPoint"),
        Json.strings(definition, "command"),
        dependsOn,
        awsLogs(definition.path("logConfiguration"), requiresFargate, task),
        healthCheck(definition.path("healthCheck")),
        mountPoints(definition, task));
  }

  /**
   * The healthCheck with ECS's defaults (interval 30 s, timeout 5 s, retries 3, startPeriod 0) and
   * ranges (interval 5-300, timeout 2-60, retries 1-10, startPeriod 0-300); emulator wording for
   * refusals. {@code ["NONE"]} disables the check, as Docker does.
   */
  private static HealthCheck healthCheck(JsonNode check) {
    if (check.isMissingNode() || check.isNull()) {
      return null;
    }
    List<String> command = Json.strings(check, "command");
    if (command.isEmpty()) {
      throw AwsException.client("HealthCheck.command should not be null or empty.");
    }
    List<String> argv =
        switch (command.get(0)) {
          case "NONE" -> null;
          case "CMD" -> command.subList(1, command.size());
          case "CMD-SHELL" ->
              List.of("sh", "-c", String.join(" ", command.subList(1, command.size())));
          default ->
              throw AwsException.client(
                  "Invalid healthCheck command: it must start with CMD, CMD-SHELL or NONE");
        };
    if (argv == null) {
      return null;
    }
    if (argv.isEmpty()) {
      throw AwsException.client("HealthCheck.command has no command after " + command.get(0));
    }
    return new HealthCheck(
        argv,
        Duration.ofSeconds(healthSetting(check, "interval", 30, 5, 300)),
        Duration.ofSeconds(healthSetting(check, "timeout", 5, 2, 60)),
        healthSetting(check, "retries", 3, 1, 10),
        Duration.ofSeconds(healthSetting(check, "startPeriod", 0, 0, 300)));
  }

  private static int healthSetting(JsonNode check, String field, int fallback, int min, int max) {
    Integer value = Json.integer(check, field);
    int v = value == null ? fallback : value;
    if (v < min || v > max) {
      throw AwsException.client(
          "Invalid healthCheck " + field + ": " + v + " (allowed " + min + "-" + max + ")");
    }
    return v;
  }

  /** Each mount must name a volume of the task and an absolute path (emulator wording). */
  private static List<MountPoint> mountPoints(JsonNode definition, ObjectNode task) {
    Set<String> volumes = new HashSet<>();
    Json.elements(task, "volumes").forEach(v -> volumes.add(Json.text(v, "name")));
    List<MountPoint> mounts = new ArrayList<>();
    for (JsonNode mount : Json.elements(definition, "mountPoints")) {
      String source = Json.text(mount, "sourceVolume");
      String path = Json.text(mount, "containerPath");
      if (source == null || !volumes.contains(source)) {
        throw AwsException.client("Unknown volume reference in mountPoints: " + source);
      }
      if (path == null || !path.startsWith("/")) {
        throw AwsException.client("Invalid containerPath in mountPoints: " + path);
      }
      mounts.add(new MountPoint(source, path, Json.bool(mount, "readOnly", false)));
    }
    return mounts;
  }

  private static AwsLogsConfig awsLogs(JsonNode logging, boolean requiresFargate, ObjectNode task) {
    if (!"awslogs".equals(Json.text(logging, "logDriver"))) {
      return null;
    }
    if (requiresFargate && Json.text(task, "executionRoleArn") == null) {
      throw AwsException.client(
          "Fargate requires task definition to have execution role ARN to support log driver"
              + " awslogs.");
    }
    JsonNode options = logging.path("options");
    String prefix = Json.text(options, "awslogs-stream-prefix");
    if (requiresFargate && (prefix == null || prefix.isEmpty())) {
      throw AwsException.client(
          "Log driver awslogs option 'awslogs-stream-prefix' should not be null or empty.");
    }
    return new AwsLogsConfig(
        Json.text(options, "awslogs-group"),
        prefix,
        "true".equals(Json.text(options, "awslogs-create-group")));
  }

  private static void checkContainers(List<ContainerDefinition> containers) {
    Set<String> names = new HashSet<>();
    for (ContainerDefinition container : containers) {
      if (!names.add(container.name())) {
        throw AwsException.client("Duplicate container name: " + container.name());
      }
    }
    if (containers.stream().noneMatch(ContainerDefinition::essential)) {
      throw AwsException.client("At least one essential container is required.");
    }
    for (ContainerDefinition container : containers) {
      for (Dependency dependency : container.dependsOn()) {
        if (!names.contains(dependency.containerName())
            || dependency.containerName().equals(container.name())) {
          throw AwsException.client(
              "Container "
                  + container.name()
                  + " depends on unknown container "
                  + dependency.containerName()
                  + ".");
        }
      }
    }
  }

  private static ObjectNode normalize(JsonNode definition, ContainerDefinition container) {
    ObjectNode copy = ((ObjectNode) definition).deepCopy();
    copy.put("essential", container.essential());
    copy.put("cpu", definition.path("cpu").asInt(0));
    for (String list : List.of("portMappings", "environment", "mountPoints", "volumesFrom")) {
      if (!copy.has(list)) {
        copy.putArray(list);
      }
    }
    return copy;
  }

  private static JsonNode requiresAttributes(
      List<ContainerDefinition> containers, String networkMode) {
    var attributes = Json.array();
    attributes.addObject().put("name", "com.amazonaws.ecs.capability.docker-remote-api.1.18");
    if ("awsvpc".equals(networkMode)) {
      attributes.addObject().put("name", "ecs.capability.task-eni");
    }
    if (containers.stream().anyMatch(c -> c.logs() != null)) {
      attributes.addObject().put("name", "com.amazonaws.ecs.capability.logging-driver.awslogs");
      attributes.addObject().put("name", "ecs.capability.execution-role-awslogs");
    }
    if (containers.stream().anyMatch(c -> !c.dependsOn().isEmpty())) {
      attributes.addObject().put("name", "ecs.capability.container-ordering");
    }
    return attributes;
  }
}
