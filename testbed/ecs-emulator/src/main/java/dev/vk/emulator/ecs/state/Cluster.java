package dev.vk.emulator.ecs.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** An ECS cluster: just a name space for tasks here. Guarded by the {@link EcsState} lock. */
public final class Cluster {
  private final String name;
  private final String arn;
  private final Map<String, String> tags = new LinkedHashMap<>();

  public Cluster(String name, String arn) {
    this.name = name;
    this.arn = arn;
  }

  public String name() {
    return name;
  }

  public String arn() {
    return arn;
  }

  public Map<String, String> tags() {
    return tags;
  }
}
