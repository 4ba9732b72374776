package dev.vk.testbed.e2e;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text exposition, read just enough to find series by name and labels. */
final class PrometheusText {
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private record Sample(String name, Map<String, String> labels, double value) {}

  private final String text;
  private final List<Sample> samples;

  PrometheusText(String text) {
    this.text = text;
    this.samples =
        text.lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(PrometheusText::parse)
            .toList();
  }

  private static Sample parse(String line) {
    int brace = line.indexOf('{');
    int space = line.lastIndexOf(' ');
    Map<String, String> labels = new HashMap<>();
    String name;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
      while (m.find()) {
        labels.put(m.group(1), m.group(2));
      }
    } else {
      name = line.substring(0, line.indexOf(' '));
    }
    return new Sample(
        name, labels, Double.parseDouble(line.substring(space + 1).replace("Inf", "Infinity")));
  }

  /** Names of every sample. */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  /** The sum of the samples named {@code name} carrying all of {@code labels}; 0 if none. */
  double value(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Sample::value)
        .sum();
  }

  @Override
  public String toString() {
    return text;
  }
}
