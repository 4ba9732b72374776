package dev.vk.emulator.ecs.fault;

import dev.vk.emulator.ecs.http.AwsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection, shared by the in-JVM API and the admin HTTP API. Request faults are keyed by
 * operation name ({@code RunTask}, {@code GetLogEvents}; {@code *} matches every operation) and
 * apply to both services. Thread-safe.
 */
public final class Faults {
  /** Matches every operation. */
  public static final String ANY = "*";

  private final Map<String, List<FaultRule>> rules = new ConcurrentHashMap<>();
  private final Random random;
  private final TaskControl tasks;

  public Faults(long seed, TaskControl tasks) {
    this.random = new Random(seed);
    this.tasks = tasks;
  }

  /** What to do with one call: wait {@code latency}, then fail with {@code error} if not null. */
  public record Decision(Duration latency, AwsException error) {}

  /** Answers the next {@code count} calls of {@code operation} with ThrottlingException. */
  public void throttleNext(String operation, int count) {
    add(operation, new FaultRule.FailNext(count, AwsException::throttling));
  }

  /** Answers {@code percent} % of calls of {@code operation} with ThrottlingException. */
  public void throttlePercent(String operation, int percent) {
    add(operation, new FaultRule.FailPercent(checkPercent(percent), AwsException::throttling));
  }

  /** Answers the next {@code count} calls with ServerException (HTTP 500). */
  public void serverErrorNext(String operation, int count) {
    add(operation, new FaultRule.FailNext(count, () -> AwsException.server("Service Unavailable")));
  }

  /** Answers {@code percent} % of calls with ServerException (HTTP 500). */
  public void serverErrorPercent(String operation, int percent) {
    add(
        operation,
        new FaultRule.FailPercent(
            checkPercent(percent), () -> AwsException.server("Service Unavailable")));
  }

  /** Answers the next {@code count} calls with any modeled error, e.g. AccessDeniedException. */
  public void errorNext(String operation, int count, int status, String type, String message) {
    add(operation, new FaultRule.FailNext(count, () -> new AwsException(status, type, message)));
  }

  /** Delays every answer to {@code operation} by {@code latency}. */
  public void addLatency(String operation, Duration latency) {
    add(operation, new FaultRule.Latency(latency));
  }

  /** Stops a task out of band; see {@link TaskControl#stopTask}. */
  public void stopTask(String taskArnOrId, String stopCode, String reason) {
    tasks.stopTask(taskArnOrId, stopCode, reason);
  }

  /** Makes a container exit out of band; see {@link TaskControl#exitContainer}. */
  public void exitContainer(String taskArnOrId, String containerName, int exitCode) {
    tasks.exitContainer(taskArnOrId, containerName, exitCode);
  }

  /** Removes every request fault. */
  public void clear() {
    rules.clear();
  }

  /** Decides the fate of one call, consuming "next N" budgets. */
  public Decision decide(String operation) {
    Duration latency = Duration.ZERO;
    AwsException error = null;
    for (String key : List.of(operation, ANY)) {
      List<FaultRule> list = rules.get(key);
      if (list == null) {
        continue;
      }
      synchronized (list) {
        for (Iterator<FaultRule> it = list.iterator(); it.hasNext(); ) {
          FaultRule rule = it.next();
          if (rule instanceof FaultRule.Latency slow) {
            latency = latency.plus(slow.delay());
          } else if (error == null && rule instanceof FaultRule.FailNext next) {
            error = next.take();
            if (next.exhausted()) {
              it.remove();
            }
          } else if (error == null && rule instanceof FaultRule.FailPercent share) {
            error = hits(share) ? share.error().get() : null;
          }
        }
      }
    }
    return new Decision(latency, error);
  }

  private boolean hits(FaultRule.FailPercent share) {
    synchronized (random) {
      return share.hits(random);
    }
  }

  private void add(String operation, FaultRule rule) {
    List<FaultRule> list = rules.computeIfAbsent(operation, key -> new ArrayList<>());
    synchronized (list) {
      list.add(rule);
    }
  }

  private static int checkPercent(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be 0..100: " + percent);
    }
    return percent;
  }
}
