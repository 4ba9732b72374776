package dev.vk.node.ha;

import java.util.Optional;

/** Reads and writes the election lease. Every method may block on the network. */
public interface LeaseStore {

  /** The lease, or empty when it does not exist. */
  Optional<LeaseRecord> get() throws LeaseException;

  /**
   * Creates the lease.
   *
   * @throws LeaseException with {@link LeaseException#conflict()} when it exists already
   */
  LeaseRecord create(LeaseRecord record) throws LeaseException;

  /**
   * Replaces the lease if its version is still {@code record.resourceVersion()}.
   *
   * @throws LeaseException with {@link LeaseException#conflict()} when someone else wrote first
   */
  LeaseRecord update(LeaseRecord record) throws LeaseException;

  /** A failed lease read or write. */
  final class LeaseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean conflict;

    public LeaseException(String message, boolean conflict, Throwable cause) {
      super(message, cause);
      this.conflict = conflict;
    }

    /** Someone else wrote the lease first (HTTP 409). */
    public boolean conflict() {
      return conflict;
    }
  }
}
