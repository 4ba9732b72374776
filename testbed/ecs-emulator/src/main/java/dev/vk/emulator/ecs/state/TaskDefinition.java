package dev.vk.emulator.ecs.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A registered task definition revision. Guarded by the {@link EcsState} lock. */
public final class TaskDefinition {
  private final String arn;
  private final String family;
  private final int revision;
  private final ObjectNode description;
  private final List<ContainerDefinition> containers;
  private final boolean fargateCompatible;
  private final Map<String, String> tags;

  public TaskDefinition(
      String arn,
      String family,
      int revision,
      ObjectNode description,
      List<ContainerDefinition> containers,
      boolean fargateCompatible,
      Map<String, String> tags) {
    this.arn = arn;
    this.family = family;
    this.revision = revision;
    this.description = description;
    this.containers = List.copyOf(containers);
    this.fargateCompatible = fargateCompatible;
    this.tags = new LinkedHashMap<>(tags);
  }

  public String arn() {
    return arn;
  }

  public String family() {
    return family;
  }

  public int revision() {
    return revision;
  }

  /** The taskDefinition structure ECS returns; mutated on deregistration. */
  public ObjectNode description() {
    return description;
  }

  public List<ContainerDefinition> containers() {
    return containers;
  }

  public Optional<ContainerDefinition> container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public boolean fargateCompatible() {
    return fargateCompatible;
  }

  public boolean active() {
    return "ACTIVE".equals(description.path("status").asText());
  }

  public String cpu() {
    return description.path("cpu").asText(null);
  }

  public String memory() {
    return description.path("memory").asText(null);
  }

  public Map<String, String> tags() {
    return tags;
  }
}
