package dev.vk.testbed.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.testbed.cluster.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every main package of every module says what it is for: a package without a package-info.java
 * fails here, so a new package cannot slip in undocumented.
 */
class PackageInfoTest {

  @Test
  void everyMainPackageHasPackageInfo() throws IOException {
    List<Path> packages = mainPackages(ControlPlane.repoRoot());

    assertThat(packages).isNotEmpty();
    assertThat(packages)
        .filteredOn(dir -> !Files.exists(dir.resolve("package-info.java")))
        .as("main packages without package-info.java")
        .isEmpty();
  }

  /**
   * Directories under any module's src/main/java (modules sit at most 3 levels deep) with a .java
   * file.
   */
  private static List<Path> mainPackages(Path root) throws IOException {
    List<Path> sourceRoots;
    try (Stream<Path> dirs = Files.find(root, 5, (dir, attrs) -> dir.endsWith("src/main/java"))) {
      sourceRoots = dirs.filter(dir -> !dir.toString().contains("/target/")).toList();
    }
    List<Path> packages = new ArrayList<>();
    for (Path sourceRoot : sourceRoots) {
      try (Stream<Path> files = Files.walk(sourceRoot)) {
        files
            .filter(file -> file.toString().endsWith(".java"))
            .map(Path::getParent)
            .distinct()
            .forEach(packages::add);
      }
    }
    return packages;
  }
}
