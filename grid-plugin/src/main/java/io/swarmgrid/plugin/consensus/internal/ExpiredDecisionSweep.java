package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.tasks.consensus.ForgetCommitted;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Removes, for this member's partitions, the published decisions older than {@code
 * decision-ttl-seconds}, rather than leaving them to Hazelcast's expiry: in the soak bench, with
 * only the tally sweep, the members held 88,603 map records where about 20,000 were live. Decisions
 * are counted from {@code decidedAt} (their publication follows within the commit's round trips);
 * {@code swarm.decisions} has no index, so a pass scans this member's decisions, hence the long
 * period. The TTL set at publication stays.
 */
public final class ExpiredDecisionSweep {
  private final IMap<String, Object> decisions;
  private final long ttlMillis;
  private final Duration timeout;

  /** A sweep of the cluster {@code hz} belongs to, for decisions kept {@code ttlSeconds}. */
  public ExpiredDecisionSweep(HazelcastInstance hz, long ttlSeconds, Duration timeout) {
    this.decisions = hz.getMap(SwarmMap.DECISIONS.mapName());
    this.ttlMillis = TimeUnit.SECONDS.toMillis(ttlSeconds);
    this.timeout = timeout;
  }

  /**
   * How often to sweep: a tenth of the TTL, between 1 s and 10 min (a pass reads every decision
   * this member owns).
   */
  public static long periodMillis(long ttlSeconds) {
    return Math.max(1_000, Math.min(600_000, TimeUnit.SECONDS.toMillis(ttlSeconds) / 10));
  }

  /** One pass now, for a scheduler: failures are reported, not thrown. */
  public void run() {
    try {
      sweep(System.currentTimeMillis());
    } catch (TimeoutException | RuntimeException e) {
      BackgroundFailures.report("consensus.decision-expiry-sweep", e);
    }
  }

  /**
   * One pass at time {@code now}; returns how many decisions it removed.
   *
   * @throws TimeoutException if the removal call does not answer within the timeout
   */
  public int sweep(long now) throws TimeoutException {
    Set<String> due = decisions.localKeySet(Predicates.lessThan("decidedAt", now - ttlMillis));
    if (due.isEmpty()) {
      return 0;
    }
    List<String> ids = List.copyOf(due);
    Set<String> batch =
        new HashSet<>(ids.subList(0, Math.min(ids.size(), RetentionSweep.MAX_PER_PASS)));
    try {
      Map<String, Boolean> removed =
          decisions
              .submitToKeys(batch, new ForgetCommitted())
              .toCompletableFuture()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return (int) removed.values().stream().filter(Boolean::booleanValue).count();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (ExecutionException e) {
      throw new IllegalStateException("removing expired decisions failed: " + e.getCause(), e);
    }
  }
}
