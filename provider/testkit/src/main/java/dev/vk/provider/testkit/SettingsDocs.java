package dev.vk.provider.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.settings.DurationFormat;
import dev.vk.provider.settings.ObservedSettings;
import io.kubernetes.client.custom.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a docs page's settings tables against the code: the same names both ways, and each default
 * the code falls back to written as the row's default. A settings table is one whose header starts
 * with {@code setting} or {@code name}; a row names one or more settings in backticks and gives
 * their defaults, in backticks and in the same order, in its second cell (a cell that does not
 * start with a backtick describes the default in words, such as {@code required}).
 */
public final class SettingsDocs {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private final String page;

  /** Setting name to its documented default: the backticked text, or empty when there is none. */
  private final Map<String, Optional<String>> rows;

  private SettingsDocs(String page, Map<String, Optional<String>> rows) {
    this.page = page;
    this.rows = rows;
  }

  /** Reads {@code page} (relative to the repository's docs/ directory). Blocks on disk. */
  public static SettingsDocs page(String page) {
    Path file = docs().resolve(page);
    try {
      return new SettingsDocs("docs/" + page, rows(Files.readAllLines(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every setting the page documents, by name. */
  public Set<String> names() {
    return new TreeSet<>(rows.keySet());
  }

  /** The documented default of {@code name} when the page writes it as a value (in backticks). */
  public Optional<String> defaultOf(String name) {
    return rows.getOrDefault(name, Optional.empty());
  }

  /**
   * Asserts that the page documents exactly {@code names}, and that each default in {@code
   * defaults} (as the code fell back to it) is the documented one.
   */
  public void assertMatches(Set<String> names, Map<String, Object> defaults) {
    assertThat(names())
        .as("settings documented in %s, compared with those the code reads", page)
        .containsExactlyInAnyOrderElementsOf(new TreeSet<>(names));
    List<String> wrong = new ArrayList<>();
    defaults.forEach(
        (name, fallback) -> {
          Optional<String> documented = rows.getOrDefault(name, Optional.empty());
          if (fallback != null && !same(fallback, documented)) {
            wrong.add(name + ": code " + fallback + ", docs " + documented.orElse("(none)"));
          }
        });
    assertThat(wrong).as("defaults in %s that differ from the code's", page).isEmpty();
  }

  /**
   * Runs {@code read} on settings holding {@code values} and returns each default it fell back to,
   * by setting name.
   */
  public static Map<String, Object> defaults(
      Map<String, String> values, Consumer<ProviderContext.Settings> read) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    read.accept(ObservedSettings.of(name -> Optional.ofNullable(values.get(name)), defaults::put));
    return defaults;
  }

  /** The repository's docs/ directory, found upward from the working directory. */
  public static Path docs() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs/configuration.md"))) {
        return dir.resolve("docs");
      }
    }
    throw new IllegalStateException(
        "no docs/configuration.md above " + Path.of("").toAbsolutePath());
  }

  private static Map<String, Optional<String>> rows(List<String> lines) {
    Map<String, Optional<String>> rows = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        inTable = false;
        continue;
      }
      List<String> cells = cells(line);
      String first = cells.get(0).toLowerCase(java.util.Locale.ROOT);
      if (!inTable) {
        inTable = first.equals("setting") || first.equals("name");
        continue;
      }
      if (first.startsWith("---") || cells.size() < 2) {
        continue;
      }
      List<String> names = code(cells.get(0));
      // A default is a value only when the cell starts with one; otherwise it describes one.
      List<String> defaults = cells.get(1).startsWith("`") ? code(cells.get(1)) : List.of();
      for (int i = 0; i < names.size(); i++) {
        String value =
            defaults.isEmpty() ? null : defaults.get(defaults.size() == names.size() ? i : 0);
        rows.put(names.get(i), Optional.ofNullable(value));
      }
    }
    return rows;
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.substring(1).split("(?<!\\\\)\\|")) {
      cells.add(cell.trim());
    }
    return cells;
  }

  private static List<String> code(String cell) {
    List<String> found = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** Whether the documented text means the code's fallback; templates like {@code <x>} pass. */
  private static boolean same(Object fallback, Optional<String> documented) {
    if (documented.isEmpty()) {
      return false;
    }
    String text = documented.get();
    if (text.contains("<")) {
      return true;
    }
    try {
      if (fallback instanceof Duration d) {
        return DurationFormat.parse(text).equals(d);
      }
      if (fallback instanceof Number n) {
        String number = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        return Double.parseDouble(number) == n.doubleValue();
      }
      if (fallback instanceof Quantity q) {
        return Quantity.fromString(text).getNumber().compareTo(q.getNumber()) == 0;
      }
      if (fallback instanceof Enum<?> e) {
        return e.name().equalsIgnoreCase(text.replace('-', '_'));
      }
      return String.valueOf(fallback).equals(text);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
