package dev.vk.node.ha;

import java.util.Optional;

/**
 * The election lease as the API server keeps it: versioned, a write at a stale version refused with
 * a conflict. {@link #down} makes every call fail, as for a replica cut off the network.
 */
final class InMemoryLeaseStore {
  private LeaseRecord lease;
  private long version;

  /** One replica's view of the shared lease; {@code down} cuts just that replica off. */
  final class Client implements LeaseStore {
    volatile boolean down;

    @Override
    public Optional<LeaseRecord> get() throws LeaseException {
      synchronized (InMemoryLeaseStore.this) {
        reachable();
        return Optional.ofNullable(lease);
      }
    }

    @Override
    public LeaseRecord create(LeaseRecord record) throws LeaseException {
      synchronized (InMemoryLeaseStore.this) {
        reachable();
        if (lease != null) {
          throw new LeaseException("exists", true, null);
        }
        return write(record);
      }
    }

    @Override
    public LeaseRecord update(LeaseRecord record) throws LeaseException {
      synchronized (InMemoryLeaseStore.this) {
        reachable();
        if (lease == null || !lease.resourceVersion().equals(record.resourceVersion())) {
          throw new LeaseException("conflict", true, null);
        }
        return write(record);
      }
    }

    private void reachable() throws LeaseException {
      if (down) {
        throw new LeaseException("unreachable", false, null);
      }
    }
  }

  Client client() {
    return new Client();
  }

  synchronized LeaseRecord current() {
    return lease;
  }

  /** Writes {@code record} as another party would (a person, a stale leader's late request). */
  synchronized LeaseRecord write(LeaseRecord record) {
    version++;
    lease =
        new LeaseRecord(
            record.holder(),
            record.durationSeconds(),
            record.acquireTime(),
            record.renewTime(),
            record.transitions(),
            Long.toString(version));
    return lease;
  }
}
