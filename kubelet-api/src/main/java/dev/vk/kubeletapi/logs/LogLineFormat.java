package dev.vk.kubeletapi.logs;

import dev.vk.kubelet.types.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders a log line as the kubelet writes it, with the optional fixed-width timestamp prefix. */
public final class LogLineFormat {
  // Go's RFC3339NanoFixed: always nine fractional digits, so prefixes align and sort.
  private static final DateTimeFormatter RFC3339_NANO_FIXED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private LogLineFormat() {}

  public static byte[] render(LogLine line, boolean timestamps) {
    if (!timestamps) {
      return line.content();
    }
    byte[] prefix =
        (RFC3339_NANO_FIXED.format(line.timestamp()) + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + line.content().length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(line.content(), 0, out, prefix.length, line.content().length);
    return out;
  }
}
