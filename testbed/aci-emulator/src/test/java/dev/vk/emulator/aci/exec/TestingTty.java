package dev.vk.emulator.aci.exec;

import java.time.Duration;

/** A terminal that records output; thread-safe, since exec shells print from their own thread. */
final class TestingTty implements Tty {

  private final StringBuilder output = new StringBuilder();
  private boolean hungUp;

  @Override
  public synchronized void print(String text) {
    output.append(text);
  }

  @Override
  public Runnable schedule(Duration delay, Runnable task) {
    throw new UnsupportedOperationException("exec shells sleep on their own thread");
  }

  @Override
  public synchronized void hangUp() {
    hungUp = true;
  }

  synchronized boolean hungUp() {
    return hungUp;
  }

  synchronized String output() {
    return output.toString();
  }

  synchronized String takeOutput() {
    String text = output.toString();
    output.setLength(0);
    return text;
  }
}
