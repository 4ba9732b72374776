package dev.vk.kubeletapi.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingTlsTest {
  @TempDir Path dir;

  private final AtomicInteger loads = new AtomicInteger();
  private volatile boolean broken;

  private SslContext load() throws IOException {
    if (broken) {
      throw new IOException("half-written key");
    }
    loads.incrementAndGet();
    return ServerTls.context(null, null, List.of("localhost"), null);
  }

  private static void touch(Path file, String content, long epochSecond) throws IOException {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
  }

  @Test
  @DisplayName(
      "a changed file brings a new context; unchanged files do not; a bad one keeps the old")
  void reload() throws Exception {
    Path cert = dir.resolve("tls.crt");
    touch(cert, "one", 1000);
    ReloadingTls tls = new ReloadingTls(Arrays.asList(cert, null), this::load);
    SslContext first = tls.current();
    assertThat(tls.watchesFiles()).isTrue();
    assertThat(tls.reloadIfChanged()).isFalse();
    assertThat(tls.current()).isSameAs(first);

    broken = true;
    touch(cert, "two", 2000);
    assertThat(tls.reloadIfChanged()).isFalse();
    assertThat(tls.current()).as("the old context serves on").isSameAs(first);

    broken = false;
    assertThat(tls.reloadIfChanged()).as("retried at the next poll").isTrue();
    assertThat(tls.current()).isNotSameAs(first);
    assertThat(loads).hasValue(2);
  }

  @Test
  @DisplayName("a self-signed certificate has no files to watch")
  void nothingToWatch() throws Exception {
    ReloadingTls tls = new ReloadingTls(Arrays.asList(null, null), this::load);
    assertThat(tls.watchesFiles()).isFalse();
  }
}
