package dev.vk.emulator.aci.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A terminal that records output and runs scheduled tasks only when the test says so. */
final class TestingTty implements Tty {

  final StringBuilder output = new StringBuilder();
  final List<Runnable> scheduled = new ArrayList<>();
  final List<Duration> delays = new ArrayList<>();
  boolean hungUp;

  @Override
  public void print(String text) {
    output.append(text);
  }

  @Override
  public Runnable schedule(Duration delay, Runnable task) {
    scheduled.add(task);
    delays.add(delay);
    return () -> scheduled.remove(task);
  }

  @Override
  public void hangUp() {
    hungUp = true;
  }

  /** Runs what is due, as if the time had come. */
  void runScheduled() {
    List<Runnable> due = new ArrayList<>(scheduled);
    scheduled.clear();
    due.forEach(Runnable::run);
  }

  String takeOutput() {
    String text = output.toString();
    output.setLength(0);
    return text;
  }
}
