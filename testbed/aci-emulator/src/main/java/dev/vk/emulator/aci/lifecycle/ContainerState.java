package dev.vk.emulator.aci.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * ACI's {@code ContainerState}: {@code Waiting}, {@code Running} or {@code Terminated}.
 *
 * @param state the state name
 * @param startTime when the process started; absent while the image is pulled
 * @param exitCode set once terminated
 * @param finishTime set once terminated
 * @param detailStatus a human-readable reason
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerState(
    String state, Instant startTime, Integer exitCode, Instant finishTime, String detailStatus) {

  static ContainerState waiting(String detail) {
    return new ContainerState("Waiting", null, null, null, detail);
  }

  static ContainerState of(Attempt attempt) {
    if (attempt.running()) {
      return new ContainerState("Running", attempt.start(), null, null, "");
    }
    String detail = attempt.exitCode() == 0 ? "Completed" : "Error";
    return new ContainerState(
        "Terminated", attempt.start(), attempt.exitCode(), attempt.end(), detail);
  }
}
