package dev.vk.provider.mock.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * A {@link TinyShell} on its own thread, fed keystrokes as they arrive: what a transport that must
 * not block (a WebSocket on an event loop) needs to run one. Every method is thread-safe and
 * returns at once; output goes wherever the builder's streams send it, from the shell's thread.
 */
public final class ShellProcess {

  private static final byte CTRL_C = 0x03;
  private static final byte[] END = new byte[0];

  private final Keyboard keyboard = new Keyboard();
  private final TinyShell shell;
  private final AtomicBoolean over = new AtomicBoolean();
  private volatile Thread thread;

  /** A process for the shell {@code builder} describes; its stdin is this process's keyboard. */
  public ShellProcess(TinyShell.Builder builder) {
    this.shell = builder.stdin(keyboard).build();
  }

  /**
   * Runs {@code argv} on a new daemon thread named {@code name}; {@code onExit} gets its status
   * from that thread, unless {@link #kill} came first. A failing output counts as a hang-up (129).
   */
  public void start(String name, List<String> argv, IntConsumer onExit) {
    Thread runner =
        new Thread(
            () -> {
              int status;
              try {
                status = shell.run(argv);
              } catch (IOException e) {
                status = 129;
              }
              if (over.compareAndSet(false, true)) {
                onExit.accept(status);
              }
            },
            name);
    runner.setDaemon(true);
    thread = runner;
    runner.start();
  }

  /**
   * Keystrokes from the client. A Ctrl-C while a {@code sleep} runs interrupts it ({@link
   * TinyShell#interrupt}); otherwise it reaches the terminal like any other key.
   */
  public void type(byte[] keys) {
    byte[] typed = keys;
    for (byte key : keys) {
      if (key == CTRL_C && shell.interrupt()) {
        typed = withoutInterrupts(keys);
        break;
      }
    }
    if (typed.length > 0) {
      keyboard.keys.add(typed);
    }
  }

  /** The client's stdin ended. */
  public void endOfInput() {
    keyboard.keys.add(END);
  }

  /** The client's terminal changed size. */
  public void resize(int columns, int rows) {
    shell.resize(columns, rows);
  }

  /** Ends the shell without reporting an exit: the session is going away. */
  public void kill() {
    over.set(true);
    endOfInput();
    Thread runner = thread;
    if (runner != null) {
      runner.interrupt();
    }
  }

  private static byte[] withoutInterrupts(byte[] keys) {
    byte[] kept = new byte[keys.length];
    int count = 0;
    for (byte key : keys) {
      if (key != CTRL_C) {
        kept[count++] = key;
      }
    }
    return Arrays.copyOf(kept, count);
  }

  /** Stdin as the keystrokes arrive; an empty chunk is the end. Read by the shell's thread only. */
  private static final class Keyboard extends InputStream {
    final LinkedBlockingQueue<byte[]> keys = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (position == current.length) {
        if (ended) {
          return -1;
        }
        try {
          current = keys.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("killed");
        }
        position = 0;
        ended = current.length == 0;
      }
      int count = Math.min(length, current.length - position);
      System.arraycopy(current, position, into, offset, count);
      position += count;
      return count;
    }
  }
}
