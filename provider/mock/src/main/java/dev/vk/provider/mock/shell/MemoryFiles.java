package dev.vk.provider.mock.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One directory tree in memory: a container's root file system or one volume. Paths are relative to
 * the tree's root ({@code ""}); {@link MountedFiles} resolves absolute paths to a tree. Thread-
 * safe (every method holds the tree's lock).
 */
public final class MemoryFiles {
  private final Map<String, byte[]> files = new HashMap<>();
  private final Set<String> directories = new HashSet<>(Set.of(""));

  /** An empty tree. */
  public MemoryFiles() {}

  /** A tree holding {@code directories} (relative paths), like a base image's. */
  public static MemoryFiles withDirectories(List<String> directories) {
    MemoryFiles tree = new MemoryFiles();
    for (String directory : directories) {
      try {
        tree.mkdirs(directory, false);
      } catch (ShellFiles.Failure e) {
        throw new IllegalArgumentException(directory + ": " + e.reason(), e);
      }
    }
    return tree;
  }

  synchronized byte[] read(String path) throws ShellFiles.Failure {
    byte[] content = files.get(path);
    if (content != null) {
      return content.clone();
    }
    throw new ShellFiles.Failure(
        directories.contains(path)
            ? ShellFiles.Failure.IS_DIRECTORY
            : ShellFiles.Failure.NOT_FOUND);
  }

  synchronized void write(String path, byte[] content, boolean readOnly) throws ShellFiles.Failure {
    if (directories.contains(path)) {
      throw new ShellFiles.Failure(ShellFiles.Failure.IS_DIRECTORY);
    }
    checkParent(path);
    if (readOnly) {
      throw new ShellFiles.Failure(ShellFiles.Failure.READ_ONLY);
    }
    files.put(path, content.clone());
  }

  /** Creates the directory and its parents ({@code mkdir -p}); read-only refuses creating any. */
  synchronized void mkdirs(String path, boolean readOnly) throws ShellFiles.Failure {
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      if (files.containsKey(p)) {
        throw new ShellFiles.Failure(
            p.equals(path) ? ShellFiles.Failure.EXISTS : ShellFiles.Failure.NOT_DIRECTORY);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String p = path; !directories.contains(p); p = parent(p)) {
      missing.add(p);
    }
    if (readOnly && !missing.isEmpty()) {
      throw new ShellFiles.Failure(ShellFiles.Failure.READ_ONLY);
    }
    directories.addAll(missing);
  }

  /** The names directly inside {@code path}; null when it is a file; fails when absent. */
  synchronized Set<String> children(String path) throws ShellFiles.Failure {
    if (files.containsKey(path)) {
      return null;
    }
    if (!directories.contains(path)) {
      throw new ShellFiles.Failure(ShellFiles.Failure.NOT_FOUND);
    }
    Set<String> names = new TreeSet<>();
    String prefix = path.isEmpty() ? "" : path + "/";
    for (Set<String> entries : List.of(files.keySet(), directories)) {
      for (String entry : entries) {
        if (!entry.isEmpty()
            && entry.startsWith(prefix)
            && entry.indexOf('/', prefix.length()) < 0) {
          names.add(entry.substring(prefix.length()));
        }
      }
    }
    return names;
  }

  private void checkParent(String path) throws ShellFiles.Failure {
    String parent = parent(path);
    if (!directories.contains(parent)) {
      throw new ShellFiles.Failure(
          files.containsKey(parent)
              ? ShellFiles.Failure.NOT_DIRECTORY
              : ShellFiles.Failure.NOT_FOUND);
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
