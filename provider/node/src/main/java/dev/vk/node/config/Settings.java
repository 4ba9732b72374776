package dev.vk.node.config;

import dev.vk.provider.settings.ObservedSettings;
import dev.vk.provider.settings.SettingReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.Yaml;

/**
 * Raw settings by name from three sources that share one naming scheme: a flag {@code --node-name
 * x}, an environment variable {@code VK_NODE_NAME=x} and a config file entry {@code node-name: x}.
 * Flags win over environment variables, which win over the file. Unknown flags and file entries are
 * errors, so a typo never silently falls back to a default.
 */
public final class Settings {
  /** Names a user may set; {@code config} itself names the file. */
  private final Map<String, String> values;

  /** Hears each default the typed reads fall back to; null outside docs tests. */
  private final BiConsumer<String, Object> defaults;

  private Settings(Map<String, String> values, BiConsumer<String, Object> defaults) {
    this.values = values;
    this.defaults = defaults;
  }

  public static Settings of(Map<String, String> values) {
    return new Settings(Map.copyOf(values), null);
  }

  /** Settings whose typed reads report each default they fall back to, for docs tests. */
  public static Settings observed(Map<String, String> values, BiConsumer<String, Object> defaults) {
    return new Settings(Map.copyOf(values), defaults);
  }

  /**
   * Reads flags, the environment and the config file (named by {@code --config} or {@code
   * VK_CONFIG}).
   *
   * @param known every name that may be set; anything else is rejected
   */
  public static Settings load(String[] args, Map<String, String> env, Set<String> known) {
    Map<String, String> flags = parseFlags(args, known);
    String file = flags.getOrDefault("config", env.get(envName("config")));
    Map<String, String> merged = new LinkedHashMap<>();
    if (file != null && !file.isBlank()) {
      merged.putAll(readFile(Path.of(file), known));
    }
    for (String name : known) {
      String value = env.get(envName(name));
      if (value != null) {
        merged.put(name, value);
      }
    }
    merged.putAll(flags);
    merged.remove("config");
    return new Settings(Map.copyOf(merged), null);
  }

  /** The environment variable for a setting: {@code node-name} is {@code VK_NODE_NAME}. */
  public static String envName(String name) {
    return "VK_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** Typed reads of these settings, named as users write them. Idempotent; never blocks. */
  public SettingReader reader() {
    return new SettingReader(
        "", defaults == null ? this::get : ObservedSettings.of(this::get, defaults));
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  public Map<String, String> asMap() {
    return values;
  }

  private static Map<String, String> parseFlags(String[] args, Set<String> known) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new ConfigException("unexpected argument '" + arg + "' (settings are --name value)");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!known.contains(name) && !name.equals("config")) {
        throw new ConfigException("unknown flag --" + name + " (see --help)");
      }
      if (value == null) {
        boolean next = i + 1 < args.length && !args[i + 1].startsWith("--");
        // A flag without a value is a boolean switch such as --disable-taint.
        value = next ? args[++i] : "true";
      }
      flags.put(name, value);
    }
    return flags;
  }

  private static Map<String, String> readFile(Path file, Set<String> known) {
    Object parsed;
    try (Reader reader = Files.newBufferedReader(file)) {
      parsed = new Yaml().load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ConfigException("config file " + file + " is not valid YAML: " + firstLine(e));
    }
    if (parsed == null) {
      return Map.of();
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new ConfigException("config file " + file + " must be a map of setting: value");
    }
    Map<String, String> values = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          String name = String.valueOf(k);
          if (!known.contains(name)) {
            throw new ConfigException("unknown setting '" + name + "' in config file " + file);
          }
          values.put(name, v instanceof Map<?, ?> m ? flatten(m) : String.valueOf(v));
        });
    return values;
  }

  /** Lets a file write {@code labels: {a: b}} for what a flag writes as {@code a=b}. */
  private static String flatten(Map<?, ?> map) {
    StringBuilder sb = new StringBuilder();
    map.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
