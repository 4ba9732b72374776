package dev.vk.node.pod;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Map;

/**
 * The strategic-merge patch that sets a pod's status as the node sees it. A merge keeps what the
 * patch leaves out, so without care an old value outlives its change: a Ready condition turned True
 * would keep the reason ContainersNotReady, a running container would keep its waiting state. The
 * API pod then differs from the status written, and the next comparison writes it again.
 */
final class StatusPatch {
  /** Lists the node owns whole: replaced, not merged item by item. */
  private static final List<String> REPLACED =
      List.of(
          "podIPs",
          "hostIPs",
          "containerStatuses",
          "initContainerStatuses",
          "ephemeralContainerStatuses");

  /** Condition fields a merge would keep from the condition's previous state when not sent. */
  private static final List<String> CLEARED = List.of("reason", "message");

  /** Writes the null values that delete a field in a merge patch (Gson drops them by default). */
  private static final Gson WITH_NULLS = new GsonBuilder().serializeNulls().create();

  private StatusPatch() {}

  /**
   * The patch body, with the UID as precondition. {@code podIPs} is a list merged by IP, so a new
   * address (a replacement task) would be added beside the old one, which the API server refuses;
   * the {@code $patch: replace} element makes such a list replace the old one. Conditions are
   * merged by type, so that conditions others own (readiness gates) stay. {@code annotations} are
   * merged into the metadata (the status subresource takes them; not labels).
   */
  static String body(Gson gson, V1Pod pod, V1PodStatus status, Map<String, String> annotations) {
    JsonObject body = new JsonObject();
    JsonObject metadata = new JsonObject();
    metadata.addProperty("uid", pod.getMetadata().getUid());
    if (!annotations.isEmpty()) {
      metadata.add("annotations", gson.toJsonTree(annotations));
    }
    body.add("metadata", metadata);
    JsonObject json = gson.toJsonTree(status).getAsJsonObject();
    for (String list : REPLACED) {
      if (json.has(list) && json.get(list).isJsonArray()) {
        JsonObject replace = new JsonObject();
        replace.addProperty("$patch", "replace");
        json.getAsJsonArray(list).add(replace);
      }
    }
    JsonElement conditions = json.get("conditions");
    if (conditions != null && conditions.isJsonArray()) {
      clearAbsentFields(conditions.getAsJsonArray());
    }
    body.add("status", json);
    return WITH_NULLS.toJson(body);
  }

  private static void clearAbsentFields(JsonArray conditions) {
    for (JsonElement c : conditions) {
      if (c.isJsonObject()) {
        for (String field : CLEARED) {
          if (!c.getAsJsonObject().has(field)) {
            c.getAsJsonObject().add(field, JsonNull.INSTANCE);
          }
        }
      }
    }
  }
}
