package dev.vk.emulator.ecs.state;

/** Builds and takes apart the ECS ARNs of one emulated account and region. */
public final class Arns {
  private final String prefix;

  public Arns(String region, String accountId) {
    this.prefix = "arn:aws:ecs:" + region + ":" + accountId + ":";
  }

  public String cluster(String name) {
    return prefix + "cluster/" + name;
  }

  public String taskDefinition(String family, int revision) {
    return prefix + "task-definition/" + family + ":" + revision;
  }

  public String task(String cluster, String taskId) {
    return prefix + "task/" + cluster + "/" + taskId;
  }

  public String container(String cluster, String taskId, String containerId) {
    return prefix + "container/" + cluster + "/" + taskId + "/" + containerId;
  }

  /** Cluster name from a name or a cluster ARN; {@code default} when absent, as ECS does. */
  public static String clusterName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isEmpty()) {
      return "default";
    }
    int slash = nameOrArn.indexOf(":cluster/");
    return slash >= 0 ? nameOrArn.substring(slash + ":cluster/".length()) : nameOrArn;
  }

  /** Task id from an id or a (new-format) task ARN. */
  public static String taskId(String idOrArn) {
    int slash = idOrArn.lastIndexOf('/');
    return slash >= 0 ? idOrArn.substring(slash + 1) : idOrArn;
  }

  /**
   * {@code family} or {@code family:revision} from a task definition reference that may be an ARN.
   */
  public static String taskDefinitionRef(String ref) {
    int slash = ref.indexOf(":task-definition/");
    return slash >= 0 ? ref.substring(slash + ":task-definition/".length()) : ref;
  }
}
