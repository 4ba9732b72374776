package dev.vk.provider.testkit;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the pods that provider tests hand to {@link dev.vk.provider.PodLifecycle}: metadata with a
 * fresh UID, a spec with containers, no status (the provider computes that).
 */
public final class Pods {

  /** A small public image every provider and emulator accepts. */
  public static final String DEFAULT_IMAGE = "busybox:1.36";

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Pods() {}

  /**
   * A pod with a fresh UID and restartPolicy {@code Always}; without containers it gets one named
   * {@code app}.
   */
  public static V1Pod pod(String namespace, String name, V1Container... containers) {
    List<V1Container> list =
        containers.length == 0 ? List.of(container("app")) : List.of(containers);
    return new V1Pod()
        .apiVersion("v1")
        .kind("Pod")
        .metadata(new V1ObjectMeta().namespace(namespace).name(name).uid(newUid()))
        .spec(new V1PodSpec().restartPolicy("Always").containers(new ArrayList<>(list)));
  }

  /** A long-running container of {@link #DEFAULT_IMAGE}. */
  public static V1Container container(String name) {
    return container(name, DEFAULT_IMAGE).command(List.of("sleep", "3600"));
  }

  /** A container with the image's own entrypoint. */
  public static V1Container container(String name, String image) {
    return new V1Container().name(name).image(image);
  }

  /**
   * A deep copy of {@code template} renamed to namespace/name with a fresh UID; annotations, labels
   * and spec are kept, so provider-specific behaviour encoded there survives.
   */
  public static V1Pod renamed(V1Pod template, String namespace, String name) {
    V1Pod pod = copy(template);
    if (pod.getMetadata() == null) {
      pod.setMetadata(new V1ObjectMeta());
    }
    pod.getMetadata().namespace(namespace).name(name).uid(newUid());
    return pod;
  }

  /** A deep copy, so that a test can change it without touching what a provider holds. */
  public static V1Pod copy(V1Pod pod) {
    return JSON.deserialize(JSON.serialize(pod), V1Pod.class);
  }

  /**
   * A name unique within this JVM and across runs, because emulators may keep pods from earlier
   * runs. Valid as a DNS label when the prefix is.
   */
  public static String uniqueName(String prefix) {
    String random = UUID.randomUUID().toString().substring(0, 8);
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + random;
  }

  private static String newUid() {
    return UUID.randomUUID().toString();
  }
}
