package dev.vk.benchmarks.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples one process's resident memory (VmRSS, every 200 ms) and reads its CPU time (utime+stime)
 * on demand, from /proc. Starts sampling when built; {@link #close()} stops it.
 */
final class ProcessSampler implements AutoCloseable {
  private static final long CLOCK_TICKS = 100; // USER_HZ on Linux
  private final long pid;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
          });
  private volatile long peakKib;
  private volatile long lastKib;

  ProcessSampler(long pid) {
    this.pid = pid;
    timer.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    long kib = readRssKib();
    if (kib > 0) {
      lastKib = kib;
      peakKib = Math.max(peakKib, kib);
    }
  }

  /** Current RSS in MiB (a fresh read); non-blocking apart from one /proc read. */
  double rssMib() {
    sample();
    return lastKib / 1024.0;
  }

  double peakMib() {
    return peakKib / 1024.0;
  }

  /** CPU seconds (user + system) the process has used so far. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which sits in parentheses and may hold spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private long readRssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process ended: keep the last sample
    }
    return 0;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
