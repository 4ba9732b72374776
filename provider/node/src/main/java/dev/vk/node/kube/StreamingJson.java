package dev.vk.node.kube;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

/**
 * Makes the Kubernetes client read and write its models in one streaming pass. Its generated
 * adapters first build a tree of every object, validate it and then read the tree, again at each
 * level of nesting; with a watch event per pod change that was the node's largest CPU cost per pod.
 * The Gson installed here keeps the client's own date, byte-array and {@code V1Status} handling and
 * its managedFields exclusion, and lets Gson's field adapters (the models' {@code SerializedName}
 * fields, {@code IntOrString} and {@code Quantity} by their own annotations) do the rest. The JSON
 * written and the objects read are the same; unknown fields are ignored, as the client's adapters
 * also do.
 */
public final class StreamingJson {
  private StreamingJson() {}

  /**
   * The Gson without the generated per-model adapters. Builds a new one each call; does not block.
   */
  public static Gson gson() {
    Gson client = JSON.getGson();
    return JSON.createGson()
        .registerTypeAdapter(Date.class, client.getAdapter(Date.class))
        .registerTypeAdapter(java.sql.Date.class, client.getAdapter(java.sql.Date.class))
        .registerTypeAdapter(OffsetDateTime.class, client.getAdapter(OffsetDateTime.class))
        .registerTypeAdapter(LocalDate.class, client.getAdapter(LocalDate.class))
        .registerTypeAdapter(byte[].class, client.getAdapter(byte[].class))
        .create();
  }

  /**
   * Installs {@link #gson()} for every Kubernetes client of this process. Idempotent; call before
   * the first client is built.
   */
  public static void install() {
    JSON.setGson(gson());
  }
}
