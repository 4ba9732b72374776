package dev.vk.provider.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shell over a container's view: a root tree with a writable and a read-only volume. */
class ShellFilesTest {
  private final MemoryFiles shared = new MemoryFiles();
  private final MountedFiles helper =
      new MountedFiles(
          MemoryFiles.withDirectories(List.of("tmp")),
          List.of(new MountedFiles.Mount("/vk-volumes/cfg", shared, false)));
  private final MountedFiles app =
      new MountedFiles(
          new MemoryFiles(), List.of(new MountedFiles.Mount("/etc/config", shared, true)));

  private record Result(int status, String out, String err) {}

  private static Result sh(ShellFiles files, String script) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    TinyShell shell =
        TinyShell.builder()
            .env(Map.of("DATA", "aGVsbG8K", "BAD", "!!"))
            .files(files)
            .stdout(out)
            .stderr(err)
            .build();
    int status = shell.run(List.of("sh", "-c", script));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theHelperScriptWritesFilesOtherContainersRead() throws IOException {
    Result write =
        sh(
            helper,
            "set -e; mkdir -p /vk-volumes/cfg/sub\n"
                + "echo \"$DATA\" | base64 -d > '/vk-volumes/cfg/sub/key'\n"
                + "echo two > /vk-volumes/cfg/b; echo more >> /vk-volumes/cfg/b");
    assertThat(write).isEqualTo(new Result(0, "", ""));
    assertThat(sh(app, "cat /etc/config/sub/key /etc/config/b"))
        .isEqualTo(new Result(0, "hello\ntwo\nmore\n", ""));
    assertThat(sh(app, "ls /etc/config; ls /etc")).isEqualTo(new Result(0, "b\nsub\nconfig\n", ""));
    assertThat(sh(app, "echo x | base64")).isEqualTo(new Result(0, "eAo=\n", ""));
  }

  @Test
  void errorsReadLikeBusybox() throws IOException {
    assertThat(sh(app, "echo x > /etc/config/new"))
        .isEqualTo(new Result(1, "", "sh: can't create /etc/config/new: Read-only file system\n"));
    assertThat(sh(app, "mkdir -p /etc/config/d"))
        .isEqualTo(
            new Result(
                1, "", "mkdir: can't create directory '/etc/config/d': Read-only file system\n"));
    assertThat(sh(app, "cat /nope; ls /nope"))
        .isEqualTo(
            new Result(
                2,
                "",
                "cat: can't open '/nope': No such file or directory\n"
                    + "ls: /nope: No such file or directory\n"));
    assertThat(sh(helper, "echo x > /missing/f"))
        .isEqualTo(new Result(1, "", "sh: can't create /missing/f: nonexistent directory\n"));
    assertThat(sh(helper, "echo \"$BAD\" | base64 -d > /tmp/f").err())
        .isEqualTo("base64: invalid input\n");
  }

  @Test
  void setEStopsAtTheFirstUntestedFailure() throws IOException {
    assertThat(sh(helper, "set -e; false || echo tested; cat /nope; echo after"))
        .isEqualTo(
            new Result(1, "tested\n", "cat: can't open '/nope': No such file or directory\n"));
    assertThat(sh(helper, "cat /nope; echo after").out()).isEqualTo("after\n");
  }

  @Test
  void withoutFilesNothingChanges() throws IOException {
    assertThat(sh(null, "echo a | cat > /x")).isEqualTo(new Result(0, "a | cat > /x\n", ""));
    assertThat(sh(null, "ls /").out()).startsWith("bin\ndev\netc\n");
  }
}
