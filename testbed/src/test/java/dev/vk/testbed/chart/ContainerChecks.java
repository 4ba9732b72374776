package dev.vk.testbed.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

/** What the host's /proc says about the process a {@link ChrootContainer} runs. */
final class ContainerChecks {
  private ContainerChecks() {}

  /**
   * The process is the command itself (no wrapper left), in the image's root, as {@code uid}/{@code
   * gid}, and its root is mounted read-only when the pod template asks for it.
   */
  static void runsAsTheContainer(
      ChrootContainer container,
      Path rootfs,
      List<String> command,
      long uid,
      long gid,
      PodTemplate template)
      throws IOException {
    long pid = container.command().orElseThrow().pid();
    Path proc = Path.of("/proc", Long.toString(pid));
    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")));
    assertThat(Arrays.asList(cmdline.split("\u0000"))).isEqualTo(command);
    assertThat(Files.readSymbolicLink(proc.resolve("root"))).isEqualTo(rootfs);
    List<String> status = Files.readAllLines(proc.resolve("status"));
    assertThat(status).contains("Uid:\t" + (uid + "\t").repeat(3) + uid);
    assertThat(status).contains("Gid:\t" + (gid + "\t").repeat(3) + gid);
    // The capability sets of a non-root process without ambient capabilities are empty.
    assertThat(status).contains("CapEff:\t0000000000000000");
    // mountinfo: ID parent major:minor root mount-point options ...; "/" is the image's root.
    String rootMount =
        Files.readAllLines(proc.resolve("mountinfo")).stream()
            .filter(line -> line.split(" ")[4].equals("/"))
            .reduce((first, last) -> last)
            .orElseThrow();
    List<String> options = List.of(rootMount.split(" ")[5].split(","));
    if (template.readOnlyRootFilesystem()) {
      assertThat(options).as(rootMount).contains("ro");
    }
  }

  /**
   * The image holds a class-data sharing archive per provider (image/build.sh), its JVM options
   * name none (an option there would win over the chart's), the chart names {@code provider}'s in
   * JDK_JAVA_OPTIONS, and the running JVM mapped it: with {@code -Xshare:auto} a JRE or jar that
   * does not match the archive starts without it, and then only its absence from the process's
   * mappings shows.
   */
  static void mapsTheClassArchive(ChrootContainer container, Path rootfs, String provider)
      throws IOException {
    for (String p : List.of("mock", "azure", "fargate")) {
      assertThat(rootfs.resolve("opt/virtual-kubelet/cds/" + p + ".jsa")).isRegularFile();
    }
    assertThat(Files.readAllLines(rootfs.resolve("opt/virtual-kubelet/jvm.options")))
        .noneMatch(line -> line.startsWith("-XX:SharedArchiveFile"));
    String archive = "/opt/virtual-kubelet/cds/" + provider + ".jsa";
    Path proc = Path.of("/proc", Long.toString(container.command().orElseThrow().pid()));
    assertThat(new String(Files.readAllBytes(proc.resolve("environ"))).split("\u0000"))
        .contains("JDK_JAVA_OPTIONS=-XX:SharedArchiveFile=" + archive + " -Xshare:auto");
    assertThat(Files.readAllLines(proc.resolve("maps")))
        .as("mappings of the node's JVM")
        .anyMatch(line -> line.endsWith(archive));
  }

  /**
   * The image holds the azure provider's native crypto library where its JVM options point the
   * provider (image/jvm.options), the same bytes as the copy in its jar, so the node loads it from
   * there instead of unpacking it into /tmp at every start.
   */
  static void shipsTheNativeCryptoLibrary(Path rootfs) throws IOException {
    Path app = rootfs.resolve("opt/virtual-kubelet");
    assertThat(Files.readAllLines(app.resolve("jvm.options")))
        .contains(
            "-Djava.library.path=/opt/virtual-kubelet/native",
            "-Dcom.amazon.corretto.crypto.provider.useExternalLib=true");
    String name = "libamazonCorrettoCryptoProvider.so";
    try (ZipFile jar = new ZipFile(app.resolve("virtual-kubelet.jar").toFile())) {
      byte[] packed =
          jar.getInputStream(jar.getEntry("com/amazon/corretto/crypto/provider/" + name))
              .readAllBytes();
      assertThat(app.resolve("native/" + name)).hasBinaryContent(packed);
    }
  }
}
