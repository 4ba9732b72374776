package dev.vk.kubeletapi.stream;

import dev.vk.kubeletapi.spi.KubeletApiException;
import java.util.List;
import java.util.Map;

/**
 * The exec and attach query: which streams the client wants, whether it wants a terminal, and the
 * command. As the kubelet does, a TTY drops stderr (a terminal merges it into stdout) instead of
 * refusing the request, because clients such as the Java client always ask for stderr.
 */
public record StreamOptions(
    boolean stdin, boolean stdout, boolean stderr, boolean tty, List<String> command) {

  public StreamOptions {
    command = List.copyOf(command);
  }

  /**
   * @param needsCommand true for exec, where an empty command is a 400
   */
  public static StreamOptions parse(Map<String, List<String>> query, boolean needsCommand)
      throws KubeletApiException {
    boolean tty = flag(query, "tty");
    boolean stdin = flag(query, "input");
    boolean stdout = flag(query, "output");
    boolean stderr = flag(query, "error") && !tty;
    if (!stdin && !stdout && !stderr) {
      throw KubeletApiException.badRequest("you must specify at least 1 of stdin, stdout, stderr");
    }
    List<String> command = query.getOrDefault("command", List.of());
    if (needsCommand && command.isEmpty()) {
      throw KubeletApiException.badRequest("you must specify a command");
    }
    return new StreamOptions(stdin, stdout, stderr, tty, command);
  }

  private static boolean flag(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return false;
    }
    String value = values.get(0);
    return value.equals("1") || value.equalsIgnoreCase("true");
  }
}
