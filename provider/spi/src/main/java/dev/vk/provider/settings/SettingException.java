package dev.vk.provider.settings;

import jakarta.annotation.Nullable;

/**
 * A setting the process cannot start with. The message is one line, {@code <setting>: '<value>' is
 * invalid; expected <what is accepted>}, which the node prints as its startup error. It is an
 * {@link IllegalArgumentException} because {@link dev.vk.provider.ProviderFactory#create} reports
 * bad settings as one.
 */
public final class SettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String setting;

  /**
   * @param setting the name as users write it (with the provider prefix)
   * @param value the refused value; null when the setting is required but not set
   * @param expected what would be accepted, such as {@code a whole number from 1 to 65535}
   */
  public SettingException(String setting, @Nullable String value, String expected) {
    super(
        setting
            + ": "
            + (value == null ? "not set" : "'" + oneLine(value) + "' is invalid")
            + "; expected "
            + oneLine(expected));
    this.setting = setting;
  }

  /** The setting's name as users write it. */
  public String setting() {
    return setting;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ");
  }
}
