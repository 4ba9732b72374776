package dev.vk.kubelet.types;

/** A terminal size in character cells, as sent on the resize stream (both fit in 16 bits). */
public record TerminalSize(int width, int height) {
  public TerminalSize {
    if (width < 0 || width > 0xFFFF || height < 0 || height > 0xFFFF) {
      throw new IllegalArgumentException("terminal size out of range: " + width + "x" + height);
    }
  }
}
