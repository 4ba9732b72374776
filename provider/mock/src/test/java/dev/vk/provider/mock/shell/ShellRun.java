package dev.vk.provider.mock.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a {@link TinyShell} over in-memory streams and keeps what it wrote. */
record ShellRun(int status, String out, String err, List<Duration> slept) {

  static final Map<String, String> ENV = Map.of("HOSTNAME", "web-1", "GREETING", "hello there");

  static ShellRun run(String stdin, List<String> argv) throws IOException {
    return run(stdin, false, argv);
  }

  static ShellRun run(String stdin, boolean tty, List<String> argv) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<Duration> slept = new ArrayList<>();
    TinyShell shell =
        TinyShell.builder()
            .env(ENV)
            .stdin(
                stdin == null
                    ? null
                    : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
            .stdout(out)
            .stderr(tty ? null : err)
            .tty(tty)
            .sleeper(slept::add)
            .build();
    int status = shell.run(argv);
    return new ShellRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), slept);
  }
}
