package dev.vk.emulator.aci.server;

import dev.vk.emulator.aci.arm.ArmRequest;
import dev.vk.emulator.aci.arm.ArmResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint: method, path template such as {@code /subscriptions/{sub}/...} (matched
 * case-insensitively, as ARM does), the operation name calls are counted under, and its handler.
 *
 * @param method HTTP method
 * @param template path template with {@code {name}} placeholders
 * @param operation operation name, e.g. {@code containerGroups.get}
 * @param kind which checks apply
 * @param handler the implementation
 * @param pattern the compiled template
 * @param names placeholder names in order
 */
public record Route(
    String method,
    String template,
    String operation,
    Kind kind,
    Operation handler,
    Pattern pattern,
    List<String> names) {

  /** Which cross-cutting checks a route gets. */
  public enum Kind {
    /** ARM: counted, faults apply, bearer token and api-version required. */
    ARM,
    /** The fake identity provider: counted, faults only when named explicitly. */
    AAD,
    /** The emulator's own control API: not counted, no faults, no auth. */
    ADMIN
  }

  /** Answers one request. */
  @FunctionalInterface
  public interface Operation {
    /** Handles the request; throws {@code ArmException} for ARM errors. */
    ArmResponse handle(ArmRequest request);
  }

  /** A route for {@code method} and {@code template}. */
  public static Route of(
      String method, String template, String operation, Kind kind, Operation handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher placeholder = Pattern.compile("\\{(\\w+)}").matcher(template);
    int last = 0;
    while (placeholder.find()) {
      regex.append(Pattern.quote(template.substring(last, placeholder.start())));
      regex.append("(?<").append(placeholder.group(1)).append(">[^/]+)");
      names.add(placeholder.group(1));
      last = placeholder.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("/?");
    Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    return new Route(method, template, operation, kind, handler, pattern, List.copyOf(names));
  }

  /** The path parameters if {@code path} matches, else null. */
  Map<String, String> match(String path) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    names.forEach(n -> params.put(n, URLDecoder.decode(m.group(n), StandardCharsets.UTF_8)));
    return params;
  }
}
