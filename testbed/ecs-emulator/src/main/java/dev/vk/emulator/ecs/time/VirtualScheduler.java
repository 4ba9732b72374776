package dev.vk.emulator.ecs.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Deterministic {@link Scheduler} for unit tests: time stands still until {@link #advance} moves
 * it, running every action that falls due on the way, in time order (ties in scheduling order).
 */
public final class VirtualScheduler implements Scheduler {
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  public VirtualScheduler(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Clock clock() {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  /** The current virtual instant. */
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable action) {
    Entry entry = new Entry(now.plus(delay), sequence++, action);
    queue.add(entry);
    return () -> entry.cancelled = true;
  }

  /** Moves time forward by {@code duration}, running each due action at its own instant. */
  public void advance(Duration duration) {
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    while (true) {
      Entry next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due.isAfter(target)) {
          now = target;
          return;
        }
        queue.poll();
        now = next.due;
      }
      if (!next.cancelled) {
        next.action.run();
      }
    }
  }

  private static final class Entry implements Comparable<Entry> {
    final Instant due;
    final long order;
    final Runnable action;
    volatile boolean cancelled;

    Entry(Instant due, long order, Runnable action) {
      this.due = due;
      this.order = order;
      this.action = action;
    }

    @Override
    public int compareTo(Entry other) {
      int byTime = due.compareTo(other.due);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
