package dev.vk.kubeletapi.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;

/**
 * How a command's outcome travels on the error stream. Protocol v4 and later send a {@code
 * metav1.Status}: success, {@code NonZeroExitCode} with the code as an {@code ExitCode} cause, or
 * the failure mapped like any HTTP error. Earlier protocols send only a failure's message.
 */
public final class ExitStatus {
  private ExitStatus() {}

  /** The v4+ Status JSON for an exit code (when {@code error} is null) or a failure. */
  public static byte[] statusJson(Integer exitCode, Throwable error) {
    ObjectNode status = Json.MAPPER.createObjectNode();
    status.putObject("metadata");
    if (error == null && exitCode == 0) {
      status.put("status", "Success");
      return Json.bytes(status);
    }
    status.put("status", "Failure");
    if (error == null) {
      status.put("message", nonZeroMessage(exitCode));
      status.put("reason", "NonZeroExitCode");
      ObjectNode cause = status.putObject("details").putArray("causes").addObject();
      cause.put("reason", "ExitCode");
      cause.put("message", Integer.toString(exitCode));
      return Json.bytes(status);
    }
    ApiError apiError = ApiError.of(error);
    status.put("message", apiError.message());
    status.put("reason", apiError.reason());
    status.put("code", apiError.code());
    return Json.bytes(status);
  }

  /** The pre-v4 text: empty on success, otherwise the message. */
  public static byte[] legacyText(Integer exitCode, Throwable error) {
    if (error == null && exitCode == 0) {
      return new byte[0];
    }
    String message = error == null ? nonZeroMessage(exitCode) : ApiError.of(error).message();
    return message.getBytes(StandardCharsets.UTF_8);
  }

  /** Exit codes travel as 8-bit unsigned numbers (the client parses them so); null means 0. */
  public static int normalize(Integer exitCode) {
    return exitCode == null ? 0 : exitCode & 0xFF;
  }

  /** Whether a failure only means the client left (nothing to report). */
  public static boolean clientGone(Throwable error) {
    return error instanceof CancellationException;
  }

  private static String nonZeroMessage(int exitCode) {
    return "command terminated with non-zero exit code: exit status " + exitCode;
  }
}
