package dev.vk.node.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaderElectorTest {
  private static final Duration LEASE = Duration.ofSeconds(8);
  private static final Duration RENEW = Duration.ofSeconds(5);

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final InMemoryLeaseStore lease = new InMemoryLeaseStore();
  private final Replica a = new Replica("a");
  private final Replica b = new Replica("b");

  /** One replica: its elector, its gate and what its listener heard. */
  private final class Replica {
    final InMemoryLeaseStore.Client store = lease.client();
    final Leadership leadership = new Leadership(nanos::get);
    final List<String> heard = new ArrayList<>();
    final LeaderElector elector;

    Replica(String identity) {
      elector =
          new LeaderElector(
              store,
              leadership,
              identity,
              LEASE,
              RENEW,
              nanos::get,
              Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
              new LeaderElector.Listener() {
                @Override
                public void started(long term) {
                  heard.add("started " + term);
                }

                @Override
                public void stopped(long term, String why) {
                  heard.add("stopped " + term);
                }
              });
    }
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  @DisplayName("the first replica creates the lease and leads; the second follows")
  void firstLeadsSecondFollows() {
    a.elector.tick();
    b.elector.tick();
    assertThat(a.leadership.isLeader()).isTrue();
    assertThat(a.heard).containsExactly("started 1");
    assertThat(b.leadership.isLeader()).isFalse();
    assertThat(b.heard).isEmpty();
    assertThat(lease.current().holder()).isEqualTo("a");
  }

  @Test
  @DisplayName("a follower takes over only once the lease has not changed for its duration")
  void takeoverAfterLeaseDurationWithoutRenewal() {
    a.elector.tick();
    b.elector.tick();
    a.store.down = true; // a dies or is cut off
    advance(LEASE.minusMillis(1));
    b.elector.tick();
    assertThat(b.leadership.isLeader()).as("not before the lease duration").isFalse();
    advance(Duration.ofMillis(1));
    b.elector.tick();
    assertThat(b.leadership.isLeader()).isTrue();
    assertThat(lease.current().holder()).isEqualTo("b");
    assertThat(lease.current().transitions()).isEqualTo(1);
  }

  @Test
  @DisplayName("a renewing leader is never taken over, whatever its renew times say")
  void renewedLeaseIsKeptWhateverItsTimestamps() {
    a.elector.tick();
    for (int i = 0; i < 20; i++) {
      b.elector.tick();
      advance(Duration.ofSeconds(1));
      a.elector.tick();
    }
    assertThat(b.leadership.isLeader()).isFalse();
    // A lease whose renewTime is years old but that keeps changing is still alive.
    LeaseRecord old = lease.current();
    OffsetDateTime ancient = OffsetDateTime.parse("2001-01-01T00:00:00Z");
    lease.write(new LeaseRecord("c", 8, ancient, ancient, 0, old.resourceVersion()));
    b.elector.tick();
    assertThat(b.leadership.isLeader()).as("b saw the change just now").isFalse();
  }

  @Test
  @DisplayName("a cut-off leader closes its gate at renew deadline, before anyone can take over")
  void gateClosesBeforeTakeover() {
    a.elector.tick();
    long term = 1;
    b.elector.tick();
    a.store.down = true;
    advance(RENEW.minusMillis(1));
    a.elector.tick();
    assertThat(a.leadership.isOpen(term)).isTrue();
    advance(Duration.ofMillis(1));
    assertThat(a.leadership.isOpen(term)).as("closed by time alone, before any step").isFalse();
    a.elector.checkDeadline();
    assertThat(a.heard).containsExactly("started 1", "stopped 1");
    advance(LEASE.minus(RENEW));
    b.elector.tick();
    assertThat(b.leadership.isLeader()).isTrue();
    assertThat(a.leadership.isOpen(term)).isFalse();
  }

  @Test
  @DisplayName("a deposed leader that reaches the API again follows, and its old term stays closed")
  void healedLeaderFollows() {
    a.elector.tick();
    b.elector.tick();
    a.store.down = true;
    advance(LEASE);
    a.elector.tick();
    b.elector.tick();
    a.store.down = false;
    a.elector.tick();
    assertThat(a.leadership.isLeader()).isFalse();
    assertThat(a.leadership.isOpen(1)).isFalse();
    assertThat(lease.current().holder()).isEqualTo("b");
    assertThat(a.heard).containsExactly("started 1", "stopped 1");
  }

  @Test
  @DisplayName("two followers racing for an expired lease: the version lets only one win")
  void optimisticConcurrency() {
    Replica c = new Replica("c");
    a.elector.tick();
    b.elector.tick();
    c.elector.tick();
    a.store.down = true;
    advance(LEASE);
    // Both read the same version; c writes first, b's write at that version is refused.
    LeaseRecord seen = lease.current();
    c.elector.tick();
    assertThat(c.leadership.isLeader()).isTrue();
    assertThat(lease.current().resourceVersion()).isNotEqualTo(seen.resourceVersion());
    b.elector.tick();
    assertThat(b.leadership.isLeader()).isFalse();
  }

  @Test
  @DisplayName(
      "a released lease is taken over at the next step, and a re-elected replica opens a new term")
  void releaseAndNewTerm() {
    a.elector.tick();
    b.elector.tick();
    a.elector.release();
    assertThat(a.leadership.isOpen(1)).isFalse();
    assertThat(lease.current().holder()).isEmpty();
    b.elector.tick();
    assertThat(b.leadership.isLeader()).isTrue();
    b.elector.release();
    a.elector.tick();
    assertThat(a.heard).containsExactly("started 1", "stopped 1", "started 2");
    assertThat(a.leadership.isOpen(1)).as("term 1's gate never reopens").isFalse();
    assertThat(a.leadership.isOpen(2)).isTrue();
  }

  @Test
  @DisplayName("a leader that renews keeps one term")
  void renewalsKeepTheTerm() {
    a.elector.tick();
    for (int i = 0; i < 10; i++) {
      advance(Duration.ofSeconds(1));
      a.elector.tick();
    }
    assertThat(a.heard).containsExactly("started 1");
    assertThat(a.leadership.isOpen(1)).isTrue();
  }

  @Test
  @DisplayName("an acquisition answered after the renew deadline begins no term")
  void lateAnswerBeginsNoTerm() {
    LeaseStore slow =
        new LeaseStore() {
          @Override
          public java.util.Optional<LeaseRecord> get() throws LeaseException {
            return a.store.get();
          }

          @Override
          public LeaseRecord create(LeaseRecord record) throws LeaseException {
            advance(RENEW); // the answer takes as long as the renew deadline
            return a.store.create(record);
          }

          @Override
          public LeaseRecord update(LeaseRecord record) throws LeaseException {
            return a.store.update(record);
          }
        };
    Leadership leadership = new Leadership(nanos::get);
    List<String> heard = new ArrayList<>();
    LeaderElector elector =
        new LeaderElector(
            slow,
            leadership,
            "a",
            LEASE,
            RENEW,
            nanos::get,
            Clock.systemUTC(),
            new LeaderElector.Listener() {
              @Override
              public void started(long term) {
                heard.add("started " + term);
              }

              @Override
              public void stopped(long term, String why) {
                heard.add("stopped " + term);
              }
            });
    elector.tick();
    assertThat(heard).isEmpty();
    assertThat(leadership.isLeader()).isFalse();
    elector.tick(); // a prompt renewal of the lease it holds begins the term
    assertThat(heard).containsExactly("started 1");
  }
}
