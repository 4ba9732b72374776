package dev.vk.node.kube;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.vk.provider.memory.SharedValues;
import io.kubernetes.client.openapi.JSON;
import jakarta.annotation.Nullable;
import java.io.IOException;
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
 * also do. Strings and timestamps read are shared through {@link SharedValues}: the pods the node
 * holds repeat most of theirs.
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
        .registerTypeAdapter(
            OffsetDateTime.class,
            shared(client.getAdapter(OffsetDateTime.class), SharedValues.TIMES))
        .registerTypeAdapter(
            String.class, shared(client.getAdapter(String.class), SharedValues.STRINGS))
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

  /** Reads as {@code adapter} does, then shares the value; writes as it does. */
  private static <T> TypeAdapter<T> shared(TypeAdapter<T> adapter, SharedValues<T> values) {
    return new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, @Nullable T value) throws IOException {
        adapter.write(out, value);
      }

      @Override
      public @Nullable T read(JsonReader in) throws IOException {
        return values.share(adapter.read(in));
      }
    };
  }
}
