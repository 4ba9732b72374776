package dev.vk.provider.mock.shell;

import java.util.List;

/**
 * The file system a {@link TinyShell} may be given, with absolute, {@code /}-separated paths. The
 * shell has none by default (simulated containers without volumes); emulators that mount volumes
 * give each container a view ({@link MountedFiles}) so that {@code cat}, {@code ls}, {@code mkdir
 * -p} and {@code >} behave as in a busybox container. Implementations are thread-safe: a container
 * and an exec session may use one view at the same time.
 */
public interface ShellFiles {

  /** The content of a file. */
  byte[] read(String path) throws Failure;

  /** Creates or truncates the file and writes {@code content}; its directory must exist. */
  void write(String path, byte[] content) throws Failure;

  /** Creates the directory and its parents; succeeds when it exists ({@code mkdir -p}). */
  void mkdirs(String path) throws Failure;

  /** The sorted names in a directory, or the path itself when it names a file ({@code ls}). */
  List<String> list(String path) throws Failure;

  /** Why an operation failed, in the C library's words ({@code No such file or directory}). */
  final class Failure extends Exception {
    public static final String NOT_FOUND = "No such file or directory";
    public static final String READ_ONLY = "Read-only file system";
    public static final String IS_DIRECTORY = "Is a directory";
    public static final String NOT_DIRECTORY = "Not a directory";
    public static final String EXISTS = "File exists";

    public Failure(String reason) {
      super(reason, null, false, false);
    }

    /** The errno text, e.g. {@value #READ_ONLY}. */
    public String reason() {
      return getMessage();
    }
  }
}
