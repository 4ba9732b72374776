package dev.vk.provider.fargate.config;

import java.util.function.Supplier;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An AWS client built on its first {@link #get}. Building one loads its service's classes (1-3 MB
 * of metaspace and 20-60 ms of CPU each, measured cold), and a node that never serves {@code
 * kubectl logs}, pod metrics or port-forward never needs those clients. A holder rather than a
 * {@code java.lang.reflect.Proxy} of the client's interface: making such a proxy class loads every
 * request and response class its methods name (about 1,900 for Systems Manager), more than building
 * the client. Thread-safe: concurrent first calls build the client once.
 */
public final class LazyClient<T extends SdkAutoCloseable> implements Supplier<T>, AutoCloseable {
  private final Supplier<T> build;
  private T client;
  private boolean closed;

  private LazyClient(Supplier<T> build) {
    this.build = build;
  }

  /** A client that {@code build} makes on the first {@link #get}; it is called at most once. */
  public static <T extends SdkAutoCloseable> LazyClient<T> of(Supplier<T> build) {
    return new LazyClient<>(build);
  }

  /**
   * The client, built now if this is the first call. May block while it is built (on the caller's
   * thread).
   *
   * @throws IllegalStateException after {@link #close}
   */
  @Override
  public synchronized T get() {
    if (closed) {
      throw new IllegalStateException("the client is closed");
    }
    if (client == null) {
      client = build.get();
    }
    return client;
  }

  /** Whether the client has been built. */
  public synchronized boolean built() {
    return client != null;
  }

  /** Closes the client if it was built; builds nothing. Idempotent. */
  @Override
  public void close() {
    T built;
    synchronized (this) {
      closed = true;
      built = client;
      client = null;
    }
    if (built != null) {
      built.close();
    }
  }
}
