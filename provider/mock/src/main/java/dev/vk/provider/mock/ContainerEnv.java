package dev.vk.provider.mock;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a simulated container's processes see, in the order {@code env} prints it: what a
 * container runtime sets ({@code PATH}, {@code HOSTNAME} as the pod name), then the container's
 * {@code env} as the node resolved it into the pod it created, then {@code HOME}. A variable whose
 * value the node left as a {@code valueFrom} reference is absent, since the mock cannot resolve it.
 */
final class ContainerEnv {

  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ContainerEnv() {}

  static Map<String, String> of(PodRecord pod, V1Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", PATH);
    env.put("HOSTNAME", pod.pod().getMetadata().getName());
    if (container.getEnv() != null) {
      for (V1EnvVar variable : container.getEnv()) {
        if (variable.getValueFrom() == null) {
          env.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
        }
      }
    }
    env.putIfAbsent("HOME", "/root");
    return env;
  }
}
