package dev.vk.kubeletapi.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A JSON response body: either text the caller already serialized (for example a client-java model
 * written with its own Gson), or a plain object the server serializes with Jackson. This keeps the
 * server free of Kubernetes model classes.
 */
public final class JsonBody {
  private final byte[] raw;
  private final Object value;

  private JsonBody(byte[] raw, Object value) {
    this.raw = raw;
    this.value = value;
  }

  /** JSON text, sent unchanged. */
  public static JsonBody raw(String json) {
    return new JsonBody(
        Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8), null);
  }

  /** An object (maps, lists, records, Jackson-annotated beans) to serialize with Jackson. */
  public static JsonBody of(Object value) {
    return new JsonBody(null, Objects.requireNonNull(value, "value"));
  }

  /** The pre-serialized bytes, or null when {@link #value()} must be serialized. */
  public byte[] rawBytes() {
    return raw;
  }

  /** The object to serialize, or null when the body is {@link #rawBytes()}. */
  public Object value() {
    return value;
  }
}
