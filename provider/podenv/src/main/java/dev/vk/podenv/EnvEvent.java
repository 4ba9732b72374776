package dev.vk.podenv;

/**
 * An event the node should record on the pod, with virtual-kubelet's reasons (for example {@code
 * OptionalConfigMapNotFound} or {@code InvalidEnvironmentVariableNames}).
 *
 * @param type {@value #NORMAL} or {@value #WARNING}
 */
public record EnvEvent(String type, String reason, String message) {

  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  static EnvEvent warning(String reason, String message) {
    return new EnvEvent(WARNING, reason, message);
  }
}
