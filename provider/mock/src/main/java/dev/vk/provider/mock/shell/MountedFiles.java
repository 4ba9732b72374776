package dev.vk.provider.mock.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A container's view of files: its own root tree with volumes mounted over directories, as a
 * container runtime bind-mounts them. The deepest mount containing a path serves it; a read-only
 * mount refuses writes with {@value ShellFiles.Failure#READ_ONLY}. Several views may share a volume
 * (the containers of one task), so what one writes the others read. Thread-safe.
 */
public final class MountedFiles implements ShellFiles {

  /**
   * One volume mounted at an absolute path.
   *
   * @param path where it appears, e.g. {@code /etc/config}
   * @param volume the shared tree
   * @param readOnly whether writes through this mount fail
   */
  public record Mount(String path, MemoryFiles volume, boolean readOnly) {}

  private record Target(MemoryFiles tree, String relative, boolean readOnly) {}

  private final MemoryFiles root;
  private final List<Mount> mounts = new ArrayList<>();

  /** A view of {@code root} with {@code mounts}; their mount points are created in the root. */
  public MountedFiles(MemoryFiles root, List<Mount> mounts) {
    this.root = root;
    for (Mount mount : mounts) {
      String path = normalize(mount.path());
      this.mounts.add(new Mount(path, mount.volume(), mount.readOnly()));
      try {
        root.mkdirs(path, false);
      } catch (Failure e) {
        throw new IllegalArgumentException("cannot mount at " + mount.path() + ": " + e.reason());
      }
    }
    this.mounts.sort(Comparator.comparingInt((Mount m) -> m.path().length()).reversed());
  }

  @Override
  public byte[] read(String path) throws Failure {
    Target t = resolve(path);
    return t.tree().read(t.relative());
  }

  @Override
  public void write(String path, byte[] content) throws Failure {
    Target t = resolve(path);
    t.tree().write(t.relative(), content, t.readOnly());
  }

  @Override
  public void mkdirs(String path) throws Failure {
    Target t = resolve(path);
    t.tree().mkdirs(t.relative(), t.readOnly());
  }

  @Override
  public List<String> list(String path) throws Failure {
    Target t = resolve(path);
    Set<String> children = t.tree().children(t.relative());
    if (children == null) {
      return List.of(path);
    }
    Set<String> names = new TreeSet<>(children);
    String normalized = normalize(path);
    for (Mount mount : mounts) {
      int slash = mount.path().lastIndexOf('/');
      String parent = slash < 0 ? "" : mount.path().substring(0, slash);
      if (!mount.path().isEmpty() && parent.equals(normalized)) {
        names.add(mount.path().substring(slash + 1));
      }
    }
    return List.copyOf(names);
  }

  private Target resolve(String path) {
    String normalized = normalize(path);
    for (Mount mount : mounts) {
      String at = mount.path();
      if (normalized.equals(at)) {
        return new Target(mount.volume(), "", mount.readOnly());
      }
      if (at.isEmpty() || normalized.startsWith(at + "/")) {
        String rest = at.isEmpty() ? normalized : normalized.substring(at.length() + 1);
        return new Target(mount.volume(), rest, mount.readOnly());
      }
    }
    return new Target(root, normalized, false);
  }

  /**
   * {@code /a//b/./c/} is {@code a/b/c}; {@code ..} goes up; the working directory is {@code /}.
   */
  static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
