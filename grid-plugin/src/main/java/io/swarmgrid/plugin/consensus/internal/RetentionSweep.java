package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.tasks.consensus.ForgetCommitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Removes, for this member's partitions, the compacted tallies and proposal records whose retention
 * is over, rather than leaving them to Hazelcast's expiry: that removes expired entries when they
 * are touched or when a background sample finds them, and in the soak bench it fell about 250,000
 * records behind. A committed tally's deadline is its commit time ({@code MarkCommitted}), so the
 * tallies due are one query on two indexes (status, deadline). The TTL that {@code MarkCommitted}
 * and {@code KeepFor} set stays, for what a member that died leaves.
 */
public final class RetentionSweep {
  /** Most tallies removed per pass: a backlog is worked off over several passes. */
  static final int MAX_PER_PASS = 10_000;

  private final IMap<String, Object> tallies;
  private final IMap<String, Object> proposals;
  private final long retentionMillis;
  private final Duration timeout;

  /** A sweep of the cluster {@code hz} belongs to, for {@code retentionSeconds} after commit. */
  public RetentionSweep(HazelcastInstance hz, long retentionSeconds, Duration timeout) {
    this.tallies = hz.getMap(SwarmMap.VOTES.mapName());
    this.proposals = hz.getMap(SwarmMap.PROPOSALS.mapName());
    this.retentionMillis = TimeUnit.SECONDS.toMillis(retentionSeconds);
    this.timeout = timeout;
  }

  /**
   * How often to sweep: a tenth of the retention, between 1 s and 60 s (entries stay at most that
   * much longer than their retention; each pass is one indexed query of this member's tallies).
   */
  public static long periodMillis(long retentionSeconds) {
    return Math.max(1_000, Math.min(60_000, TimeUnit.SECONDS.toMillis(retentionSeconds) / 10));
  }

  /** One pass now, for a scheduler: failures are reported, not thrown. */
  public void run() {
    try {
      sweep(System.currentTimeMillis());
    } catch (TimeoutException | RuntimeException e) {
      BackgroundFailures.report("consensus.retention-sweep", e);
    }
  }

  /**
   * One pass at time {@code now}; returns how many tallies it removed.
   *
   * @throws TimeoutException if the removal calls do not answer within the timeout
   */
  public int sweep(long now) throws TimeoutException {
    Set<String> due =
        tallies.localKeySet(
            Predicates.and(
                Predicates.equal("status", TallyStatus.COMMITTED.name()),
                Predicates.lessThan("deadline", now - retentionMillis)));
    if (due.isEmpty()) {
      return 0;
    }
    Set<String> batch = due.size() <= MAX_PER_PASS ? due : first(due);
    CompletableFuture<?> records =
        proposals.submitToKeys(batch, new ForgetCommitted()).toCompletableFuture();
    CompletableFuture<java.util.Map<String, Boolean>> removed =
        tallies.submitToKeys(batch, new ForgetCommitted()).toCompletableFuture();
    try {
      CompletableFuture.allOf(records, removed).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return (int) removed.join().values().stream().filter(Boolean::booleanValue).count();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (ExecutionException e) {
      throw new IllegalStateException("removing retained tallies failed: " + e.getCause(), e);
    }
  }

  private static Set<String> first(Set<String> due) {
    List<String> list = new ArrayList<>(due);
    return new HashSet<>(list.subList(0, MAX_PER_PASS));
  }
}
