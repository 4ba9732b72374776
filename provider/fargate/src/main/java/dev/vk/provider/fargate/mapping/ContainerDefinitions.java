package dev.vk.provider.fargate.mapping;

import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.KernelCapabilities;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * Maps pod containers to ECS container definitions: {@code command} to {@code entryPoint} and
 * {@code args} to {@code command} (Docker's meaning), init containers as non-essential containers
 * the app containers depend on with condition SUCCESS (each init container on the one before), exec
 * liveness probes as health checks, and the grace period as {@code stopTimeout}.
 */
final class ContainerDefinitions {
  /** Fargate's ceiling for stopTimeout, in seconds. */
  static final int MAX_STOP_TIMEOUT = 120;

  private ContainerDefinitions() {}

  /**
   * Maps the pod's containers.
   *
   * @param volumes the pod volumes the task has (emptyDir and file volumes)
   * @param fileVolumes those of them written by the helper: always mounted read-only, as the
   *     kubelet mounts configMap, secret, downwardAPI and projected volumes
   * @param helper the {@link VolumeHelper} container every container waits for, if any
   */
  static List<ContainerDefinition> map(
      V1PodSpec spec,
      MappingConfig config,
      TaskSize size,
      Set<String> volumes,
      Set<String> fileVolumes,
      Optional<String> helper) {
    List<ContainerDefinition> out = new ArrayList<>();
    List<V1Container> inits =
        spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    Integer stopTimeout = stopTimeout(spec.getTerminationGracePeriodSeconds());
    List<ContainerDependency> first = helper.map(h -> List.of(success(h))).orElse(List.of());
    String previous = null;
    for (V1Container init : inits) {
      List<ContainerDependency> deps = new ArrayList<>(first);
      if (previous != null) {
        deps.add(success(previous));
      }
      out.add(
          base(init, config, size, volumes, fileVolumes).essential(false).dependsOn(deps).build());
      previous = init.getName();
    }
    List<ContainerDependency> afterInits = new ArrayList<>(first);
    inits.forEach(c -> afterInits.add(success(c.getName())));
    for (V1Container app : spec.getContainers()) {
      out.add(
          base(app, config, size, volumes, fileVolumes)
              .essential(true)
              .dependsOn(afterInits)
              .healthCheck(HealthChecks.of(app).orElse(null))
              .stopTimeout(stopTimeout)
              .build());
    }
    return out;
  }

  private static ContainerDefinition.Builder base(
      V1Container c,
      MappingConfig config,
      TaskSize size,
      Set<String> volumes,
      Set<String> fileVolumes) {
    ContainerDefinition.Builder b =
        ContainerDefinition.builder()
            .name(c.getName())
            .image(c.getImage())
            .entryPoint(c.getCommand())
            .command(c.getArgs())
            .workingDirectory(c.getWorkingDir())
            .environment(environment(c.getEnv()))
            .portMappings(ports(c.getPorts()))
            .mountPoints(mounts(c.getVolumeMounts(), volumes, fileVolumes))
            .pseudoTerminal(Boolean.TRUE.equals(c.getTty()) ? true : null)
            .interactive(Boolean.TRUE.equals(c.getStdin()) ? true : null)
            // An init process reaps zombies, which ECS Exec sessions would otherwise leave behind.
            .linuxParameters(lp -> lp.initProcessEnabled(true).capabilities(capabilities(c)));
    Resources.memoryLimitMiB(c).ifPresent(mib -> b.memory((int) Math.min(mib, size.memoryMiB())));
    securityUser(c.getSecurityContext(), b);
    b.logConfiguration(logConfiguration(config));
    return b;
  }

  /** awslogs when a log group is set, else null (no logs). */
  static LogConfiguration logConfiguration(MappingConfig config) {
    return config
        .logGroup()
        .map(
            group ->
                LogConfiguration.builder()
                    .logDriver(LogDriver.AWSLOGS)
                    .options(
                        new TreeMap<>(
                            Map.of(
                                "awslogs-group", group,
                                "awslogs-region", config.region(),
                                "awslogs-stream-prefix", config.logStreamPrefix())))
                    .build())
        .orElse(null);
  }

  private static Integer stopTimeout(Long grace) {
    if (grace == null) {
      return null; // Fargate's default, 30 s, equals Kubernetes' default grace period.
    }
    return (int) Math.max(2, Math.min(MAX_STOP_TIMEOUT, grace));
  }

  private static ContainerDependency success(String name) {
    return ContainerDependency.builder()
        .containerName(name)
        .condition(ContainerCondition.SUCCESS)
        .build();
  }

  private static List<KeyValuePair> environment(List<V1EnvVar> env) {
    if (env == null) {
      return List.of();
    }
    // The node resolved valueFrom already; a variable still without a value is set empty.
    return env.stream()
        .map(
            e ->
                KeyValuePair.builder()
                    .name(e.getName())
                    .value(e.getValue() == null ? "" : e.getValue())
                    .build())
        .toList();
  }

  private static List<PortMapping> ports(List<V1ContainerPort> ports) {
    if (ports == null) {
      return List.of();
    }
    return ports.stream()
        .map(
            p ->
                PortMapping.builder()
                    .containerPort(p.getContainerPort())
                    .protocol(
                        "UDP".equalsIgnoreCase(p.getProtocol())
                            ? TransportProtocol.UDP
                            : TransportProtocol.TCP)
                    .build())
        .toList();
  }

  private static List<MountPoint> mounts(
      List<V1VolumeMount> mounts, Set<String> volumes, Set<String> fileVolumes) {
    if (mounts == null) {
      return List.of();
    }
    return mounts.stream()
        .filter(m -> volumes.contains(m.getName()))
        .map(
            m ->
                MountPoint.builder()
                    .sourceVolume(m.getName())
                    .containerPath(m.getMountPath())
                    .readOnly(
                        fileVolumes.contains(m.getName()) || Boolean.TRUE.equals(m.getReadOnly()))
                    .build())
        .toList();
  }

  private static KernelCapabilities capabilities(V1Container c) {
    V1Capabilities caps =
        c.getSecurityContext() == null ? null : c.getSecurityContext().getCapabilities();
    if (caps == null) {
      return null;
    }
    return KernelCapabilities.builder()
        .add(caps.getAdd() == null ? List.of() : List.of(PodAdmission.SYS_PTRACE))
        .drop(caps.getDrop() == null ? List.of() : caps.getDrop())
        .build();
  }

  private static void securityUser(V1SecurityContext sc, ContainerDefinition.Builder b) {
    if (sc == null) {
      return;
    }
    if (sc.getRunAsUser() != null) {
      b.user(sc.getRunAsUser() + (sc.getRunAsGroup() == null ? "" : ":" + sc.getRunAsGroup()));
    }
    if (Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
      b.readonlyRootFilesystem(true);
    }
  }
}
