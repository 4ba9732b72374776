package dev.vk.testbed.ha;

import dev.vk.testbed.node.NodeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a replica's log says about its leadership, read from the file as the process writes it. */
final class NodeLog {
  static final String BECAME_LEADER = "Became the leader as ";
  static final String LOST = "Lost leadership";
  private static final Pattern IDENTITY = Pattern.compile("Became the leader as (\\S+)");

  private NodeLog() {}

  static List<String> lines(NodeProcess node) {
    try {
      return Files.exists(node.log()) ? Files.readAllLines(node.log()) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean says(NodeProcess node, String text) {
    return lines(node).stream().anyMatch(l -> l.contains(text));
  }

  /** The first line from index {@code from} on containing {@code text}, by index. */
  static Optional<Integer> first(NodeProcess node, String text, int from) {
    List<String> lines = lines(node);
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** When the first line containing {@code text} was logged (the log's HH:mm:ss.SSS prefix). */
  static LocalTime time(NodeProcess node, String text) {
    return time(node, text, 0);
  }

  /** As {@link #time(NodeProcess, String)}, among the lines from index {@code from} on. */
  static LocalTime time(NodeProcess node, String text, int from) {
    int i = first(node, text, from).orElseThrow(() -> new AssertionError("no log line " + text));
    return LocalTime.parse(lines(node).get(i).substring(0, 12));
  }

  /** The identity the replica campaigned and won as. */
  static String identity(NodeProcess node) {
    for (String line : lines(node)) {
      Matcher m = IDENTITY.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("the replica never led:\n" + node.logTail());
  }

  /** The lines after the first one from index {@code from} on containing {@code text}. */
  static List<String> after(NodeProcess node, String text, int from) {
    List<String> lines = lines(node);
    int i = first(node, text, from).orElseThrow(() -> new AssertionError("no log line " + text));
    return lines.subList(i + 1, lines.size());
  }
}
