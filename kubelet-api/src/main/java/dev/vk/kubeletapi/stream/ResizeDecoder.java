package dev.vk.kubeletapi.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import dev.vk.kubelet.types.TerminalSize;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Decodes the resize stream: a sequence of JSON objects {@code {"Width":W,"Height":H}} that may be
 * split across frames or packed several to a frame. Keys match case-insensitively, as Go's JSON
 * decoder does. After malformed input the decoder stops for good, like the kubelet's resize loop.
 */
public final class ResizeDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonParser parser;
  private final Consumer<TerminalSize> sink;
  private boolean failed;
  private int depth;
  private String field;
  private int width;
  private int height;

  public ResizeDecoder(Consumer<TerminalSize> sink) {
    try {
      this.parser = JSON.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot create a non-blocking parser", e);
    }
    this.sink = sink;
  }

  /** Decodes what {@code data} completes. False once the stream has proved malformed. */
  public boolean feed(ByteBuf data) {
    if (failed || !data.isReadable()) {
      return !failed;
    }
    byte[] bytes = new byte[data.readableBytes()];
    data.getBytes(data.readerIndex(), bytes);
    try {
      ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(bytes, 0, bytes.length);
      drain();
    } catch (IOException | IllegalArgumentException e) {
      failed = true;
    }
    return !failed;
  }

  private void drain() throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          if (depth == 0 && token == JsonToken.START_ARRAY) {
            throw new IOException("a resize event must be an object");
          }
          if (depth == 0) {
            width = 0;
            height = 0;
          }
          depth++;
        }
        case END_OBJECT, END_ARRAY -> {
          depth--;
          if (depth == 0) {
            sink.accept(new TerminalSize(width, height));
          }
        }
        case FIELD_NAME ->
            field = depth == 1 ? parser.currentName().toLowerCase(Locale.ROOT) : null;
        default -> value(token);
      }
    }
  }

  private void value(JsonToken token) throws IOException {
    if (depth == 0) {
      throw new IOException("a resize event must be an object");
    }
    if (depth != 1 || !("width".equals(field) || "height".equals(field))) {
      return;
    }
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw new IOException(field + " must be an integer");
    }
    long value = parser.getLongValue();
    if (value < 0 || value > 0xFFFF) {
      throw new IOException(field + " out of range: " + value);
    }
    if ("width".equals(field)) {
      width = (int) value;
    } else {
      height = (int) value;
    }
  }
}
