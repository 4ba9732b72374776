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
import java.util.HexFormat;
import java.util.List;

/**
 * The node's application class-data sharing archive for the JDK that runs the benchmark: what
 * image/build.sh dumps into the image, dumped here with the host's JDK from the same class list
 * (image/classes.lst) for the same jar, so the benchmark measures the startup the image ships.
 */
final class CdsArchive {
  private static List<String> options;

  private CdsArchive() {}

  /**
   * The JVM options that map the archive ({@code -XX:SharedArchiveFile}, {@code -Xshare:auto}),
   * dumping it first when {@code dir} has none for this jar (key: its checksum and modification
   * time, both of which the JVM checks). Idempotent; blocks for the dump (seconds) on the first
   * call of a process, so call it before anything is timed.
   */
  static synchronized List<String> jvmOptions(Path dir) {
    if (options == null) {
      Path jar = NodeProcess.jar();
      Path archive = dir.resolve("node-" + key(jar) + ".jsa");
      if (!Files.isRegularFile(archive)) {
        dump(jar, archive);
      }
      options = List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }
    return options;
  }

  private static void dump(Path jar, Path archive) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path classes = ControlPlane.repoRoot().resolve("image/classes.lst");
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

  private static String key(Path jar) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      byte[] sum = ((DigestInputStream) in).getMessageDigest().digest();
      return HexFormat.of().formatHex(sum, 0, 8)
          + "-"
          + Files.getLastModifiedTime(jar).toMillis() / 1000;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
