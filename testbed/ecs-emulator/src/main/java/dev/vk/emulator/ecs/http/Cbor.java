package dev.vk.emulator.ecs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Smithy RPC v2 CBOR bodies as Jackson trees. Requests read into plain trees (a timestamp's tag 1
 * is dropped, leaving its epoch seconds). Responses mark a timestamp as a {@link POJONode} holding
 * an {@link Instant}, written as tag 1 with fractional epoch seconds, the way the protocol encodes
 * timestamps.
 */
public final class Cbor {
  private static final CBORMapper MAPPER = new CBORMapper();
  private static final CBORFactory FACTORY = MAPPER.getFactory();
  private static final int EPOCH_TAG = 1;

  private Cbor() {}

  /** A timestamp member value for {@link #write}. */
  public static POJONode timestamp(Instant instant) {
    return new POJONode(instant);
  }

  public static JsonNode read(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  public static byte[] write(ObjectNode body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = FACTORY.createGenerator(out)) {
      write(g, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(CBORGenerator g, JsonNode node) throws IOException {
    if (node instanceof POJONode pojo && pojo.getPojo() instanceof Instant instant) {
      g.writeTag(EPOCH_TAG);
      g.writeNumber(instant.toEpochMilli() / 1000.0);
    } else if (node.isObject()) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        g.writeFieldName(field.getKey());
        write(g, field.getValue());
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode element : node) {
        write(g, element);
      }
      g.writeEndArray();
    } else {
      MAPPER.writeTree(g, node);
    }
  }
}
