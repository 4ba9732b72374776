package dev.vk.podenv;

import java.util.regex.Pattern;

/**
 * The classic kubelet rule for names taken from {@code envFrom} keys ({@code IsEnvVarName}):
 * letters, digits, '-', '.', '_', not starting with a digit, and not ".", ".." or starting with
 * "..".
 */
final class EnvVarNames {

  private static final Pattern NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private EnvVarNames() {}

  static boolean isValid(String name) {
    return NAME.matcher(name).matches() && !name.equals(".") && !name.startsWith("..");
  }
}
