package dev.vk.provider.mock.shell;

import java.time.Duration;

/**
 * The one {@code sleep} a {@link TinyShell} may be in, and Ctrl-C cutting it short from another
 * thread: a kill (a plain interrupt) still propagates, a Ctrl-C only ends the sleep.
 */
final class SleepControl {
  private final TinyShell.Sleeper sleeper;
  private Thread sleepingThread; // guarded by this: the thread in sleep, for interrupt()
  private boolean sigint; // guarded by this: Ctrl-C cut the current sleep short

  SleepControl(TinyShell.Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /** Interrupts a running sleep as Ctrl-C does; false when none runs. */
  synchronized boolean interrupt() {
    if (sleepingThread == null) {
      return false;
    }
    sigint = true;
    sleepingThread.interrupt();
    return true;
  }

  /** Sleeps through the sleeper; true when {@link #interrupt} cut it short. */
  boolean sleep(Duration duration) throws InterruptedException {
    synchronized (this) {
      sleepingThread = Thread.currentThread();
      sigint = false;
    }
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      synchronized (this) {
        if (!sigint) {
          throw e; // killed, not Ctrl-C
        }
      }
    } finally {
      synchronized (this) {
        sleepingThread = null;
      }
    }
    synchronized (this) {
      if (!sigint) {
        return false;
      }
      sigint = false;
      Thread.interrupted(); // the interrupt was Ctrl-C's, whether or not the sleep saw it
    }
    return true;
  }
}
