package dev.vk.kubeletapi.tls;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current TLS context, rebuilt when the certificate, key or client CA file changes (a renewed
 * certificate, a rotated CA) so that new connections use the new files while open ones keep theirs.
 * Changes are found by polling each file's modification time and size, which also sees a Kubernetes
 * secret volume's symlink swap. A reload that fails (a half-written file) keeps the old context and
 * is retried at the next poll. Thread-safe.
 */
public final class ReloadingTls {
  private static final Logger log = LoggerFactory.getLogger(ReloadingTls.class);

  /** Builds a context from the files; may block on file reads. */
  @FunctionalInterface
  public interface Loader {
    SslContext load() throws IOException;
  }

  private final List<Path> files;
  private final Loader loader;
  private final AtomicReference<SslContext> current = new AtomicReference<>();
  private volatile List<String> stamps;

  /**
   * Loads the context once; a failure here is a startup failure.
   *
   * @param files the files to watch (null entries are ignored)
   */
  public ReloadingTls(List<Path> files, Loader loader) throws IOException {
    this.files = files.stream().filter(Objects::nonNull).toList();
    this.loader = loader;
    this.stamps = stamps();
    this.current.set(loader.load());
  }

  /** The context for a new connection. */
  public SslContext current() {
    return current.get();
  }

  /** Whether there is anything to watch (a self-signed certificate never changes). */
  public boolean watchesFiles() {
    return !files.isEmpty();
  }

  /**
   * Reloads when a file changed since the last successful load. Not idempotent under concurrent
   * calls; call from one thread. May block on file reads.
   *
   * @return whether a new context is in use
   */
  public boolean reloadIfChanged() {
    List<String> now = stamps();
    if (now.equals(stamps)) {
      return false;
    }
    try {
      current.set(loader.load());
      stamps = now;
      log.info("reloaded the kubelet API TLS files {}", files);
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn(
          "cannot reload the kubelet API TLS files {}; keeping the old ones: {}",
          files,
          e.toString());
      return false;
    }
  }

  private List<String> stamps() {
    List<String> stamps = new ArrayList<>();
    for (Path file : files) {
      try {
        stamps.add(Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file));
      } catch (IOException e) {
        stamps.add("missing");
      }
    }
    return stamps;
  }
}
