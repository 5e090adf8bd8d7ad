package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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

  /** A sweep of the cluster {@code hz} belongs to, for decisions kept {@code ttlSeconds}. */
  public ExpiredDecisionSweep(HazelcastInstance hz, long ttlSeconds) {
    this.decisions = hz.getMap(SwarmMap.DECISIONS.mapName());
    this.ttlMillis = TimeUnit.SECONDS.toMillis(ttlSeconds);
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
    } catch (RuntimeException e) {
      BackgroundFailures.report("consensus.decision-expiry-sweep", e);
    }
  }

  /**
   * One pass at time {@code now}; returns how many decisions it removed. Each is evicted, not
   * removed: like an expiry it is a local memory matter (an EVICTED event), so region replication,
   * which forwards removals, does not send it to other regions.
   */
  public int sweep(long now) {
    Set<String> due = decisions.localKeySet(Predicates.lessThan("decidedAt", now - ttlMillis));
    int evicted = 0;
    for (String id : due) {
      if (evicted >= RetentionSweep.MAX_PER_PASS) {
        break;
      }
      if (decisions.evict(id)) {
        evicted++;
      }
    }
    return evicted;
  }
}
