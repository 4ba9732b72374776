package dev.vk.emulator.aci.model;

import java.util.Locale;

/**
 * Identifies a container group. ARM names are case-insensitive but keep the casing they were
 * created with, so equality uses {@link #normalized()} while {@link #name()} keeps the original.
 *
 * @param subscription subscription id
 * @param resourceGroup resource group name
 * @param name container group name
 */
public record GroupKey(String subscription, String resourceGroup, String name) {

  /** The case-insensitive identity. */
  public String normalized() {
    return (subscription + "/" + resourceGroup + "/" + name).toLowerCase(Locale.ROOT);
  }

  /** {@code /subscriptions/{sub}/resourceGroups/{rg}}. */
  public String resourceGroupPath() {
    return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup;
  }
}
