package dev.vk.testbed.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.testbed.cluster.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pictures in docs/architecture.md name classes that exist: every CamelCase name in a mermaid
 * box (optionally with its package, {@code status.AciStatusMapper}) is a Java file in that package,
 * so a rename that forgets the picture fails here.
 */
class ArchitectureDocTest {
  private static final Pattern BLOCK = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern BOX = Pattern.compile("\\[\\(?\"?([^\\]\"]*)\"?\\)?]");
  private static final Pattern CLASS =
      Pattern.compile("\\b(?:([a-z]+)\\.)?([A-Z][a-z0-9]+(?:[A-Z][a-z][A-Za-z0-9]*)+)\\b");

  @Test
  void picturesNameExistingClasses() throws IOException {
    Path root = ControlPlane.repoRoot();
    List<String> named = namedClasses(Files.readString(root.resolve("docs/architecture.md")));
    Set<String> sources = javaFiles(root);

    assertThat(named).as("class names in the pictures").hasSizeGreaterThan(10);
    assertThat(named)
        .filteredOn(name -> sources.stream().noneMatch(file -> file.endsWith(name)))
        .as("names in docs/architecture.md pictures with no such class")
        .isEmpty();
  }

  /**
   * Each name as a path suffix: {@code /AciProvider.java} or {@code /status/AciStatusMapper.java}.
   */
  static List<String> namedClasses(String markdown) {
    List<String> names = new ArrayList<>();
    Matcher block = BLOCK.matcher(markdown);
    while (block.find()) {
      Matcher box = BOX.matcher(block.group(1));
      while (box.find()) {
        Matcher name = CLASS.matcher(box.group(1));
        while (name.find()) {
          String pkg = name.group(1) == null ? "" : "/" + name.group(1);
          names.add(pkg + "/" + name.group(2) + ".java");
        }
      }
    }
    return names;
  }

  private static Set<String> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(Path::toString)
          .filter(f -> f.endsWith(".java") && f.contains("/src/") && !f.contains("/target/"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
