package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * metrics-server's own kubelet client ({@code src/test/go/msdecode}, built with Go once into {@code
 * target/}): scrapes a {@code /metrics/resource} URL with the parser and checks metrics-server runs
 * and prints the batch it would store, as JSON.
 */
final class MetricsServerDecoder {

  private static final Path SOURCE = Path.of("src/test/go/msdecode");
  private static final Path BINARY = Path.of("target/msdecode");

  private MetricsServerDecoder() {}

  /** The binary; builds it when missing or older than its source. Skips the test without Go. */
  static synchronized Path binary() throws IOException, InterruptedException {
    Path main = SOURCE.resolve("main.go");
    if (Files.exists(BINARY)
        && Files.getLastModifiedTime(BINARY).compareTo(Files.getLastModifiedTime(main)) > 0) {
      return BINARY.toAbsolutePath();
    }
    Process build;
    try {
      build =
          new ProcessBuilder("go", "build", "-o", BINARY.toAbsolutePath().toString(), ".")
              .directory(SOURCE.toFile())
              .redirectErrorStream(true)
              .redirectOutput(Path.of("target/msdecode-build.log").toFile())
              .start();
    } catch (IOException e) {
      // Go is part of the build's toolchain (the testbed builds the control plane with it).
      throw new IOException(
          "cannot run go to build metrics-server's decoder: " + e.getMessage(), e);
    }
    // The first build compiles client-go; later ones come from Go's build cache.
    assertThat(build.waitFor(30, TimeUnit.MINUTES)).as("go build finished").isTrue();
    assertThat(build.exitValue()).as("go build (see target/msdecode-build.log)").isZero();
    return BINARY.toAbsolutePath();
  }

  /** Scrapes {@code http://host:port/metrics/resource} as metrics-server; returns its JSON. */
  static String scrape(String host, int port, String node) throws Exception {
    Process p =
        new ProcessBuilder(binary().toString(), host, Integer.toString(port), node)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("msdecode exit code").isZero();
    return out;
  }
}
