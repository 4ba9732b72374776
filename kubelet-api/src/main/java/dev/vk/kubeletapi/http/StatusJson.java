package dev.vk.kubeletapi.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Serializes {@code metav1.Status} objects, the body of every error the server returns. */
public final class StatusJson {
  private StatusJson() {}

  /** A full Status with kind and apiVersion, as an HTTP error body. */
  public static byte[] failure(ApiError error) {
    ObjectNode status = Json.MAPPER.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", error.message());
    status.put("reason", error.reason());
    status.put("code", error.code());
    if (error.retryAfterSeconds() > 0) {
      status.putObject("details").put("retryAfterSeconds", error.retryAfterSeconds());
    }
    return Json.bytes(status);
  }
}
