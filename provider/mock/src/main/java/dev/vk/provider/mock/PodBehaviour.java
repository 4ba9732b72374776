package dev.vk.provider.mock;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.settings.DurationFormat;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a pod asks the mock to simulate, read from its {@code mock.vk.dev/*} annotations.
 *
 * @param exitAfter how long the main (first) container runs before it exits, or null to run forever
 * @param exitCode the main container's exit code
 * @param initDuration how long each init container runs before it completes with exit code 0
 */
record PodBehaviour(Duration exitAfter, int exitCode, Duration initDuration) {

  static final String PREFIX = "mock.vk.dev/";
  static final String EXIT_AFTER = PREFIX + "exit-after";
  static final String EXIT_CODE = PREFIX + "exit-code";
  static final String INIT_DURATION = PREFIX + "init-duration";
  static final String FAIL_CREATE = PREFIX + "fail-create";
  static final Duration DEFAULT_INIT_DURATION = Duration.ofMillis(500);

  /** Whether the main container ever exits. */
  boolean exits() {
    return exitAfter != null;
  }

  /**
   * Reads the annotations of {@code pod}.
   *
   * @throws ProviderException INVALID_INPUT naming the annotation whose value cannot be parsed
   */
  static PodBehaviour of(V1Pod pod) throws ProviderException {
    Map<String, String> annotations = annotations(pod);
    Duration exitAfter = duration(annotations, EXIT_AFTER, null);
    Duration init = duration(annotations, INIT_DURATION, DEFAULT_INIT_DURATION);
    String code = annotations.getOrDefault(EXIT_CODE, "0").trim();
    try {
      int exitCode = Integer.parseInt(code);
      if (exitCode < 0 || exitCode > 255) {
        throw new NumberFormatException();
      }
      return new PodBehaviour(exitAfter, exitCode, init);
    } catch (NumberFormatException e) {
      throw ProviderException.invalid(
          field(EXIT_CODE) + ": '" + code + "' is not an exit code from 0 to 255");
    }
  }

  /** The message of the {@code fail-create} annotation, when the pod asks to be refused. */
  static Optional<String> failCreate(V1Pod pod) {
    return Optional.ofNullable(annotations(pod).get(FAIL_CREATE));
  }

  private static Duration duration(Map<String, String> annotations, String key, Duration fallback)
      throws ProviderException {
    String value = annotations.get(key);
    try {
      return value == null ? fallback : DurationFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw ProviderException.invalid(field(key) + ": " + e.getMessage());
    }
  }

  private static String field(String annotation) {
    return "metadata.annotations[" + annotation + "]";
  }

  private static Map<String, String> annotations(V1Pod pod) {
    Map<String, String> annotations =
        pod.getMetadata() == null ? null : pod.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }
}
