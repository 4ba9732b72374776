/**
 * One typed reader for the settings of the node and of every provider, so that a duration, a number
 * or a switch is written the same way everywhere and a bad one is refused with the same one-line
 * {@link dev.vk.provider.settings.SettingException}. The accepted forms are listed in
 * docs/configuration.md.
 */
package dev.vk.provider.settings;
