package dev.vk.kubeletapi.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vk.kubeletapi.spi.JsonBody;
import java.io.UncheckedIOException;

/**
 * The server's one Jackson configuration: times as RFC 3339 text (as {@code metav1.Time}), and
 * absent fields omitted (Kubernetes JSON uses {@code omitempty}).
 */
public final class Json {
  /** Thread-safe once configured; never reconfigure it. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(JsonBody body) {
    return body.rawBytes() != null ? body.rawBytes() : bytes(body.value());
  }
}
