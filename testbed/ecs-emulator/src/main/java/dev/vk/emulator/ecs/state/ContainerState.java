package dev.vk.emulator.ecs.state;

import dev.vk.provider.mock.shell.ShellFiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One container of a running task. Guarded by the {@link EcsState} lock. */
public final class ContainerState {
  private final ContainerDefinition definition;
  private final String arn;
  private final List<String> argv;
  private final String imageDigest;
  private final Map<String, String> environment;
  private final ShellFiles files;
  public String lastStatus = "PENDING";
  public Integer exitCode;
  public String reason;
  public String healthStatus = "UNKNOWN";
  public String runtimeId;
  public Instant startedAt;
  public String managedAgentStatus;
  public Instant managedAgentStartedAt;

  public ContainerState(
      ContainerDefinition definition,
      String arn,
      List<String> argv,
      Map<String, String> environment,
      String imageDigest,
      ShellFiles files) {
    this.files = files;
    this.definition = definition;
    this.arn = arn;
    this.argv = List.copyOf(argv);
    this.environment = Map.copyOf(environment);
    this.imageDigest = imageDigest;
  }

  public ContainerDefinition definition() {
    return definition;
  }

  public String name() {
    return definition.name();
  }

  public String arn() {
    return arn;
  }

  /** The effective process arguments: entryPoint + command, after RunTask overrides. */
  public List<String> argv() {
    return argv;
  }

  /** Environment after RunTask overrides. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Its view of files: its own root with the task's volumes at its mountPoints. */
  public ShellFiles files() {
    return files;
  }

  public String imageDigest() {
    return imageDigest;
  }

  public boolean pending() {
    return "PENDING".equals(lastStatus);
  }

  public boolean running() {
    return "RUNNING".equals(lastStatus);
  }

  public boolean stopped() {
    return "STOPPED".equals(lastStatus);
  }
}
