package dev.vk.emulator.aci.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.arm.ArmRequest;
import dev.vk.emulator.aci.arm.ArmResponse;
import dev.vk.emulator.aci.arm.Json;
import dev.vk.emulator.aci.faults.Calls;
import dev.vk.emulator.aci.faults.FaultRule;
import dev.vk.emulator.aci.faults.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The emulator's control API under {@value #PREFIX}, for a standalone emulator driven from another
 * process (the demo, shell scripts): the same abilities as {@link Faults} and {@link Calls}.
 */
public final class AdminApi {

  /** Path prefix of every admin route. */
  public static final String PREFIX = "/_emulator";

  private final Faults faults;
  private final Calls calls;
  private final Path caCertificate;

  /** An admin API over the emulator's faults and calls. */
  public AdminApi(Faults faults, Calls calls, Path caCertificate) {
    this.faults = faults;
    this.calls = calls;
    this.caCertificate = caCertificate;
  }

  /** {@code GET /_emulator/calls}: counts per operation and the timeline. */
  public ArmResponse calls(ArmRequest request) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("counts", Json.MAPPER.valueToTree(calls.counts()));
    body.set("calls", Json.MAPPER.valueToTree(calls.timeline()));
    body.set("retryAfterViolations", Json.MAPPER.valueToTree(calls.retryAfterViolations()));
    return ArmResponse.json(200, body);
  }

  /** {@code DELETE /_emulator/calls}: forgets the timeline. */
  public ArmResponse resetCalls(ArmRequest request) {
    calls.reset();
    return ArmResponse.empty(204);
  }

  /** {@code GET /_emulator/faults}: active rules by id. */
  public ArmResponse faults(ArmRequest request) {
    return ArmResponse.json(200, Json.MAPPER.valueToTree(faults.active()));
  }

  /**
   * {@code POST /_emulator/faults} with {@code {operation, status, retryAfterSeconds,
   * latencyMillis, count, percent}}; only {@code operation} and one of status or latency are
   * required.
   */
  public ArmResponse injectFault(ArmRequest request) {
    JsonNode body = request.json();
    String operation = body.path("operation").asText(FaultRule.ANY);
    int status = body.path("status").asInt(0);
    Duration latency = Duration.ofMillis(body.path("latencyMillis").asLong(0));
    if (status == 0 && latency.isZero()) {
      throw new ArmException(400, "InvalidFault", "A fault needs a 'status' or a 'latencyMillis'.");
    }
    FaultRule rule =
        new FaultRule(
            operation,
            status,
            Duration.ofSeconds(body.path("retryAfterSeconds").asLong(status == 429 ? 1 : 0)),
            latency,
            body.path("count").asInt(-1),
            body.path("percent").asInt(100));
    String id = faults.inject(rule);
    return ArmResponse.json(201, Json.MAPPER.createObjectNode().put("id", id));
  }

  /** {@code DELETE /_emulator/faults[/{id}]}. */
  public ArmResponse removeFaults(ArmRequest request) {
    if (request.param("faultId") == null) {
      faults.clear();
    } else {
      faults.remove(request.param("faultId"));
    }
    return ArmResponse.empty(204);
  }

  /**
   * {@code POST /_emulator/resourceGroups/{rg}/containerGroups/{cg}/delete}: out-of-band delete.
   */
  public ArmResponse deleteGroup(ArmRequest request) {
    boolean deleted =
        faults.deleteContainerGroup(
            request.param("resourceGroupName"), request.param("containerGroupName"));
    return found(deleted);
  }

  /** {@code POST .../containers/{c}/exit} with {@code {"exitCode": N}} (default 137). */
  public ArmResponse exitContainer(ArmRequest request) {
    int code = request.body().length == 0 ? 137 : request.json().path("exitCode").asInt(137);
    boolean exited =
        faults.exitContainer(
            request.param("resourceGroupName"),
            request.param("containerGroupName"),
            request.param("containerName"),
            code);
    return found(exited);
  }

  /** {@code GET /_emulator/ca.pem}: the CA certificate to trust. */
  public ArmResponse caCertificate(ArmRequest request) {
    try {
      return ArmResponse.text(200, Files.readString(caCertificate));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArmResponse found(boolean found) {
    if (!found) {
      throw new ArmException(404, "NotFound", "No such container group or container.");
    }
    return ArmResponse.empty(204);
  }
}
