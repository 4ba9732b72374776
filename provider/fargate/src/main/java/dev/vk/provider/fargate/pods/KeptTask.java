package dev.vk.provider.fargate.pods;

import dev.vk.provider.fargate.status.EcsStatus;
import dev.vk.provider.fargate.status.FargateStatusMapper;
import dev.vk.provider.memory.SharedValues;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What a {@link PodRecord} keeps of a described task: the fields the pod's status, restarts, exec,
 * logs, port-forward and metrics read, and nothing else. DescribeTasks answers with every tag, the
 * ENI's six attachment details, each container's ARNs and managed agents: about twice what is read,
 * held for every pod as long as it runs (several MiB at a few thousand pods). The overrides (the
 * per-pod volume files a replacement carries over) are kept once the task is ending only. An
 * allowlist, so a field a newer SDK adds is not kept unless named here. Values every task repeats
 * (the cluster and task definition ARNs, statuses, the image digest) are kept once through {@link
 * SharedValues}. Pure.
 */
final class KeptTask {
  private KeptTask() {}

  static Task of(Task task) {
    return Task.builder()
        .taskArn(task.taskArn())
        .clusterArn(shared(task.clusterArn()))
        .taskDefinitionArn(shared(task.taskDefinitionArn()))
        .capacityProviderName(shared(task.capacityProviderName()))
        .version(task.version())
        .lastStatus(shared(task.lastStatus()))
        .desiredStatus(shared(task.desiredStatus()))
        .cpu(shared(task.cpu()))
        .memory(shared(task.memory()))
        .createdAt(task.createdAt())
        .startedAt(task.startedAt())
        .stoppedReason(shared(task.stoppedReason()))
        .stopCode(shared(task.stopCodeAsString()))
        // Only a replacement reads them (TaskLauncher.carriedOverrides), and only of a task that
        // has stopped: a running task's would hold each pod's volume files, token included
        // (about 1.7 KB a pod), for as long as it runs.
        .overrides(EcsStatus.of(task.lastStatus()).ending() ? task.overrides() : null)
        .attachments(task.attachments().stream().map(KeptTask::attachment).toList())
        .containers(task.containers().stream().map(KeptTask::container).toList())
        .build();
  }

  private static Attachment attachment(Attachment a) {
    List<KeyValuePair> ip =
        a.details().stream()
            .filter(d -> FargateStatusMapper.POD_IP_DETAIL.equals(d.name()))
            .map(
                d -> KeyValuePair.builder().name(shared(d.name())).value(shared(d.value())).build())
            .toList();
    return Attachment.builder().details(ip).build();
  }

  private static Container container(Container c) {
    return Container.builder()
        .name(shared(c.name()))
        .lastStatus(shared(c.lastStatus()))
        .exitCode(c.exitCode())
        .reason(shared(c.reason()))
        .runtimeId(c.runtimeId())
        .healthStatus(shared(c.healthStatusAsString()))
        .imageDigest(shared(c.imageDigest()))
        .networkInterfaces(c.networkInterfaces().stream().map(KeptTask::networkInterface).toList())
        .build();
  }

  /** Only its address is read (FargateStatusMapper.podIp). */
  private static NetworkInterface networkInterface(NetworkInterface n) {
    return NetworkInterface.builder().privateIpv4Address(shared(n.privateIpv4Address())).build();
  }

  private static String shared(String value) {
    return SharedValues.STRINGS.share(value);
  }
}
