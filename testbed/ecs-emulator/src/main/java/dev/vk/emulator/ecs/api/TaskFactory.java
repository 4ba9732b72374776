package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.state.Cluster;
import dev.vk.emulator.ecs.state.ContainerDefinition;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.NetworkInterface;
import dev.vk.emulator.ecs.state.Task;
import dev.vk.emulator.ecs.state.TaskDefinition;
import dev.vk.provider.mock.shell.MemoryFiles;
import dev.vk.provider.mock.shell.MountedFiles;
import dev.vk.provider.mock.shell.ShellFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the Task objects RunTask starts: ids, ENI, containers with overrides applied. */
final class TaskFactory {
  private static final List<String> ROOT =
      List.of("bin", "dev", "etc", "home", "proc", "root", "sys", "tmp", "usr", "var");
  private final EcsState state;

  TaskFactory(EcsState state) {
    this.state = state;
  }

  Task create(Cluster cluster, TaskDefinition definition, ObjectNode overrides, String subnetId) {
    String id = hex(16);
    List<ContainerState> containers = new ArrayList<>();
    Map<String, MemoryFiles> volumes = new HashMap<>(); // one tree per task volume, shared
    Json.elements(definition.description(), "volumes")
        .forEach(v -> volumes.put(Json.text(v, "name"), new MemoryFiles()));
    for (ContainerDefinition container : definition.containers()) {
      JsonNode override = containerOverride(overrides, container.name());
      containers.add(
          new ContainerState(
              container,
              state.arns().container(cluster.name(), id, UUID.randomUUID().toString()),
              argv(container, override),
              environment(definition, container, override),
              "sha256:" + sha256(container.image()),
              files(container, volumes)));
    }
    return new Task(
        id, state.arns().task(cluster.name(), id), cluster, definition, containers, eni(subnetId));
  }

  /** A fresh root (a busybox-like skeleton) with the container's mountPoints over it. */
  private static ShellFiles files(ContainerDefinition container, Map<String, MemoryFiles> volumes) {
    List<MountedFiles.Mount> mounts = new ArrayList<>();
    for (ContainerDefinition.MountPoint mount : container.mountPoints()) {
      mounts.add(
          new MountedFiles.Mount(
              mount.containerPath(), volumes.get(mount.sourceVolume()), mount.readOnly()));
    }
    return new MountedFiles(MemoryFiles.withDirectories(ROOT), mounts);
  }

  private static JsonNode containerOverride(ObjectNode overrides, String name) {
    for (JsonNode override : Json.elements(overrides, "containerOverrides")) {
      if (name.equals(Json.text(override, "name"))) {
        return override;
      }
    }
    return Json.object();
  }

  /** Docker semantics: the process is ENTRYPOINT followed by CMD; an override replaces CMD. */
  private static List<String> argv(ContainerDefinition container, JsonNode override) {
    List<String> argv = new ArrayList<>(container.entryPoint());
    argv.addAll(override.has("command") ? Json.strings(override, "command") : container.command());
    return argv;
  }

  private static Map<String, String> environment(
      TaskDefinition definition, ContainerDefinition container, JsonNode override) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode definitionJson :
        Json.elements(definition.description(), "containerDefinitions")) {
      if (container.name().equals(Json.text(definitionJson, "name"))) {
        Json.elements(definitionJson, "environment")
            .forEach(e -> env.put(Json.text(e, "name"), Json.text(e, "value", "")));
      }
    }
    Json.elements(override, "environment")
        .forEach(e -> env.put(Json.text(e, "name"), Json.text(e, "value", "")));
    return env;
  }

  private NetworkInterface eni(String subnetId) {
    String address = state.allocateAddress();
    String domain =
        "us-east-1".equals(state.region()) ? "ec2.internal" : state.region() + ".compute.internal";
    byte[] mac = new byte[5];
    ThreadLocalRandom.current().nextBytes(mac);
    return new NetworkInterface(
        UUID.randomUUID().toString(),
        "eni-" + hex(9).substring(0, 17),
        "0a:" + HexFormat.ofDelimiter(":").formatHex(mac),
        address,
        "ip-" + address.replace('.', '-') + "." + domain,
        subnetId);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
