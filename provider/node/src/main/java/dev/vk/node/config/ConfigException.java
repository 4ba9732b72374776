package dev.vk.node.config;

/** A configuration mistake, with a one-line message that names the setting and what is wrong. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
