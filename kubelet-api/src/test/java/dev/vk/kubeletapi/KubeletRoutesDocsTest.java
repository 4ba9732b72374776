package dev.vk.kubeletapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.kubeletapi.testing.Wire;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeletRoutesDocsTest {
  private static final Path DOCS = Path.of("../docs/kubelet-api.md");
  private static final Pattern PATH = Pattern.compile("`(/[^`]*)`");

  @Test
  @DisplayName("docs/kubelet-api.md lists exactly the routes and methods the server serves")
  void docsMatchTheRouteTable() throws Exception {
    Map<String, Set<String>> served = new TreeMap<>();
    KubeletRoutes.router(KubeletHandlers.builder().build(), Wire.STREAM_SETTINGS)
        .table()
        .forEach(
            (template, methods) -> methods.forEach(m -> methodsOf(served, template).add(m.name())));
    assertThat(documented()).isEqualTo(served);
  }

  /** Path and methods of each row of the "Routes" table; a trailing slash is insignificant. */
  private static Map<String, Set<String>> documented() throws Exception {
    String text = Files.readString(DOCS);
    int start = text.indexOf("\n## Routes\n");
    assertThat(start).as("docs/kubelet-api.md has a Routes section").isPositive();
    String section = text.substring(start + 1);
    int end = section.indexOf("\n## ", 1);
    Map<String, Set<String>> documented = new TreeMap<>();
    for (String line : section.substring(0, end < 0 ? section.length() : end).split("\n")) {
      String[] cells = line.split("\\|");
      if (!line.startsWith("| `/") || cells.length < 3) {
        continue;
      }
      Matcher paths = PATH.matcher(cells[1]);
      while (paths.find()) {
        for (String method : cells[2].trim().split(",\\s*")) {
          methodsOf(documented, paths.group(1)).add(HttpMethod.valueOf(method).name());
        }
      }
    }
    return documented;
  }

  private static Set<String> methodsOf(Map<String, Set<String>> table, String path) {
    String key =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return table.computeIfAbsent(key, k -> new TreeSet<>());
  }
}
