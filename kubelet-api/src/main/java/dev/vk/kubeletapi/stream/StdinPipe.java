package dev.vk.kubeletapi.stream;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A blocking {@link InputStream} fed from the event loop with what the client sends. When more than
 * {@link #HIGH_WATER} bytes wait unread, {@code pause} runs (the connection stops reading); once
 * the reader drained them below {@link #LOW_WATER}, {@code resume} runs. Go's SPDY peer behaves the
 * same way: it has no flow control either.
 */
public final class StdinPipe extends InputStream {
  static final int HIGH_WATER = 1 << 20;
  static final int LOW_WATER = 1 << 18;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition readable = lock.newCondition();
  private final Queue<byte[]> chunks = new ArrayDeque<>();
  private final Runnable pause;
  private final Runnable resume;
  private byte[] current;
  private int position;
  private long buffered;
  private boolean ended;
  private boolean paused;

  public StdinPipe(Runnable pause, Runnable resume) {
    this.pause = pause;
    this.resume = resume;
  }

  /** Queues a copy of {@code data}; ignored after {@link #end()}. Does not release it. */
  public void offer(ByteBuf data) {
    if (!data.isReadable()) {
      return;
    }
    byte[] bytes = new byte[data.readableBytes()];
    data.getBytes(data.readerIndex(), bytes);
    boolean pauseNow;
    lock.lock();
    try {
      if (ended) {
        return;
      }
      chunks.add(bytes);
      buffered += bytes.length;
      pauseNow = !paused && buffered > HIGH_WATER;
      paused |= pauseNow;
      readable.signalAll();
    } finally {
      lock.unlock();
    }
    if (pauseNow) {
      pause.run();
    }
  }

  /** End of input: readers get what is buffered, then -1. */
  public void end() {
    lock.lock();
    try {
      ended = true;
      readable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The client went away: drop what is buffered, readers get -1 at once. */
  public void abort() {
    lock.lock();
    try {
      chunks.clear();
      current = null;
      buffered = 0;
      ended = true;
      readable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    boolean resumeNow;
    int n;
    lock.lock();
    try {
      while (current == null && chunks.isEmpty() && !ended) {
        readable.await();
      }
      if (current == null) {
        current = chunks.poll();
        position = 0;
        if (current == null) {
          return -1;
        }
      }
      n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      if (position == current.length) {
        current = null;
      }
      buffered -= n;
      resumeNow = paused && buffered < LOW_WATER;
      paused &= !resumeNow;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for stdin");
    } finally {
      lock.unlock();
    }
    if (resumeNow) {
      resume.run();
    }
    return n;
  }

  @Override
  public int available() {
    lock.lock();
    try {
      return (int) Math.min(Integer.MAX_VALUE, buffered);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    abort();
  }
}
