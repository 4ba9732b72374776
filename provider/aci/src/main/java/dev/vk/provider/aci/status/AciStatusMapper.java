package dev.vk.provider.aci.status;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.Container;
import com.azure.resourcemanager.containerinstance.models.ContainerPropertiesInstanceView;
import com.azure.resourcemanager.containerinstance.models.InitContainerDefinition;
import com.azure.resourcemanager.containerinstance.models.InitContainerPropertiesDefinitionInstanceView;
import dev.vk.provider.aci.arm.GroupTags;
import dev.vk.provider.memory.SharedValues;
import dev.vk.provider.status.PodConditions;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container group to the pod the node sees: identity from the tags, a spec with the containers'
 * names, images and commands, and a status from the instance view. A group read from a list has no
 * instance view: {@link #listed} gives it no status at all, since one built from {@code
 * provisioningState} alone would report running containers as creating. Pure.
 */
public final class AciStatusMapper {

  private final String nodeName;

  /**
   * @param nodeName the node written into the pods built from listed groups
   */
  public AciStatusMapper(String nodeName) {
    this.nodeName = nodeName;
  }

  /** A group from a list (no instance view): identity and spec, status unknown (null). */
  public V1Pod listed(ContainerGroupInner group) {
    return pod(group).status(null);
  }

  /** A group from a GET, with its instance view: identity, spec and status. */
  public V1Pod pod(ContainerGroupInner group) {
    OffsetDateTime created =
        SharedValues.TIMES.share(
            GroupTags.get(group, GroupTags.CREATED).map(OffsetDateTime::parse).orElse(null));
    V1ObjectMeta meta =
        new V1ObjectMeta()
            .namespace(shared(GroupTags.get(group, GroupTags.NAMESPACE).orElse(null)))
            .name(GroupTags.get(group, GroupTags.NAME).orElse(null))
            .uid(GroupTags.get(group, GroupTags.UID).orElse(null))
            .creationTimestamp(created);
    V1PodSpec spec =
        new V1PodSpec()
            .nodeName(nodeName)
            .restartPolicy(group.restartPolicy() == null ? null : group.restartPolicy().toString());
    List<V1ContainerStatus> containers = new ArrayList<>();
    for (Container c : orEmpty(group.containers())) {
      String name = shared(c.name());
      String image = shared(c.image());
      spec.addContainersItem(new V1Container().name(name).image(image).command(c.command()));
      ContainerPropertiesInstanceView v = c.instanceView();
      containers.add(
          ContainerStatusMapper.status(
              group.id(),
              name,
              image,
              v == null ? null : v.currentState(),
              v == null ? null : v.previousState(),
              v == null ? null : v.restartCount()));
    }
    List<V1ContainerStatus> inits = inits(group, spec, containers);
    String phase = PodPhase.of(group, containers);
    OffsetDateTime scheduled = created;
    V1PodStatus status =
        new V1PodStatus()
            .phase(phase)
            .podIP(group.ipAddress() == null ? null : shared(group.ipAddress().ip()))
            .startTime(created)
            .conditions(
                PodConditions.of(
                    phase,
                    inits,
                    containers,
                    (type, value) -> conditionSince(type, containers, scheduled)))
            .containerStatuses(containers)
            .initContainerStatuses(inits.isEmpty() ? null : inits);
    return new V1Pod().apiVersion("v1").kind("Pod").metadata(meta).spec(spec).status(status);
  }

  /** Init containers from their instance views, or inferred done once an app container started. */
  private static List<V1ContainerStatus> inits(
      ContainerGroupInner group, V1PodSpec spec, List<V1ContainerStatus> containers) {
    OffsetDateTime firstAppStart =
        containers.stream()
            .map(AciStatusMapper::startedAt)
            .filter(Objects::nonNull)
            .min(OffsetDateTime::compareTo)
            .orElse(null);
    List<V1ContainerStatus> out = new ArrayList<>();
    for (InitContainerDefinition c : orEmpty(group.initContainers())) {
      spec.addInitContainersItem(
          new V1Container().name(c.name()).image(c.image()).command(c.command()));
      InitContainerPropertiesDefinitionInstanceView v = c.instanceView();
      if (v != null && v.currentState() != null) {
        out.add(
            ContainerStatusMapper.status(
                group.id(),
                c.name(),
                c.image(),
                v.currentState(),
                v.previousState(),
                v.restartCount()));
      } else if (firstAppStart != null) {
        out.add(ContainerStatusMapper.completedInit(c.name(), c.image(), firstAppStart));
      } else {
        out.add(ContainerStatusMapper.status(group.id(), c.name(), c.image(), null, null, 0));
      }
    }
    return out;
  }

  /** Each group repeats its namespace, images and names: held once (SharedValues). */
  private static String shared(String value) {
    return SharedValues.STRINGS.share(value);
  }

  /**
   * ACI keeps no condition history: readiness dates from the latest container start, the rest from
   * the group's creation, so the times stay the same between calls.
   */
  private static OffsetDateTime conditionSince(
      String type, List<V1ContainerStatus> containers, OffsetDateTime scheduled) {
    if (!PodConditions.CONTAINERS_READY.equals(type) && !PodConditions.READY.equals(type)) {
      return scheduled;
    }
    return containers.stream()
        .map(
            s ->
                s.getState().getRunning() == null ? null : s.getState().getRunning().getStartedAt())
        .filter(Objects::nonNull)
        .max(OffsetDateTime::compareTo)
        .orElse(scheduled);
  }

  private static OffsetDateTime startedAt(V1ContainerStatus s) {
    if (s.getState().getRunning() != null) {
      return s.getState().getRunning().getStartedAt();
    }
    return s.getState().getTerminated() == null
        ? null
        : s.getState().getTerminated().getStartedAt();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
