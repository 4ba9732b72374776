package dev.vk.provider.mock.shell;

/**
 * Unwinds the interpreter to the nearest enclosing shell: thrown by {@code exit}, caught by {@code
 * sh} and by {@link TinyShell#run}. An exception because {@code exit} may sit several scripts deep.
 */
final class ShellExit extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ShellExit(int status) {
    super(null, null, false, false); // control flow, not an error: no stack trace
    this.status = status & 0xff;
  }

  int status() {
    return status;
  }
}
