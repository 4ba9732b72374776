package dev.vk.provider.testkit;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Shell scripts for emulated containers that log for {@link LogsExecFixture#podThatLogs}. */
public final class LoggingScripts {
  private LoggingScripts() {}

  /**
   * Writes {@code compat line 1} to {@code compat line N} a second apart (distinct timestamps),
   * then exits 0 when {@code exits}, else sleeps for ten minutes.
   */
  public static String lines(int count, boolean exits) {
    String lines =
        IntStream.rangeClosed(1, count)
            .mapToObj(i -> "echo compat line " + i)
            .collect(Collectors.joining("; sleep 1; "));
    return lines + (exits ? "; exit 0" : "; sleep 600");
  }
}
