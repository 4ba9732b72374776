/**
 * A tiny blocking {@code /bin/sh} for simulated containers: {@link
 * dev.vk.provider.mock.shell.TinyShell} runs a command line over plain Java streams. It depends on
 * nothing but the JDK, so that any emulator can reuse it.
 */
package dev.vk.provider.mock.shell;
