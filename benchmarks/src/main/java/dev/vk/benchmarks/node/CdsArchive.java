package dev.vk.benchmarks.node;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.node.NodeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The node's application class-data sharing archive of a provider for the JDK that runs the
 * benchmark: what image/build.sh dumps into the image, dumped here with the host's JDK from the
 * same class list (image/classes/&lt;provider&gt;.lst) for the same jar, so the benchmark measures
 * the startup the image ships.
 */
final class CdsArchive {
  private static final Map<String, List<String>> options = new HashMap<>();

  private CdsArchive() {}

  /**
   * The JVM options that map the archive ({@code -XX:SharedArchiveFile}, {@code -Xshare:auto}),
   * dumping it first when {@code dir} has none for this jar and class list (key: the jar's checksum
   * and modification time, both of which the JVM checks, and the list's checksum). Idempotent;
   * blocks for the dump (seconds) on the first call of a process, so call it before anything is
   * timed.
   */
  static synchronized List<String> jvmOptions(Path dir, String provider) {
    return options.computeIfAbsent(
        provider,
        p -> {
          Path jar = NodeProcess.jar();
          Path archive =
              dir.resolve("node-" + p + "-" + key(jar) + "-" + sum(classList(p)) + ".jsa");
          if (!Files.isRegularFile(archive)) {
            dump(jar, classList(p), archive);
          }
          return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        });
  }

  /** The provider setting of a benchmark node kind (java, aci, fargate). */
  static String provider(String kind) {
    return switch (kind) {
      case "java" -> "mock";
      case "aci" -> "azure";
      default -> kind;
    };
  }

  private static void dump(Path jar, Path classes, Path archive) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path partial = archive.resolveSibling(archive.getFileName() + ".tmp");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xshare:dump"));
    cmd.add("-XX:SharedClassListFile=" + classes);
    cmd.add("-XX:SharedArchiveFile=" + partial);
    cmd.addAll(List.of("-cp", jar.toString()));
    try {
      Files.createDirectories(archive.getParent());
      Path log = archive.resolveSibling("dump.log");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (p.waitFor() != 0 || !Files.isRegularFile(partial)) {
        throw new IllegalStateException("CDS dump failed, see " + log + ": " + cmd);
      }
      Files.move(partial, archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path classList(String provider) {
    return ControlPlane.repoRoot().resolve("image/classes/" + provider + ".lst");
  }

  private static String key(Path jar) {
    try {
      return sum(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() / 1000;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first 8 bytes of the file's SHA-256, in hex. */
  private static String sum(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      byte[] sum = ((DigestInputStream) in).getMessageDigest().digest();
      return HexFormat.of().formatHex(sum, 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
