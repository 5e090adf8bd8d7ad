package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.region.ReplicationStatus;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of one link's writer on one member, published to {@code swarm.replication} (key map,
 * target, member) when the writer publishes: shipped, applied and rejected changes, the backlog,
 * the lag and its 99th percentile since the last status, the rate, the last error, resyncs and lost
 * journal events. Used under the writer's lock.
 */
final class LinkStatus {
  private static final Logger LOG = LoggerFactory.getLogger(LinkStatus.class);
  private static final int LAG_SAMPLES = 4096;

  private final Link link;
  private final boolean publishes;
  private final String memberId;
  private final String policyName;
  private final IMap<String, ReplicationStatus> status;
  private final long[] lags = new long[LAG_SAMPLES];
  private int lagCount;
  private long shipped;
  private long applied;
  private long rejected;
  private long delivered;
  private long deliveredAtLastStatus;
  private long lastStatusAt;
  private long lastLag;
  private String lastError = "";
  private long lastErrorAt;
  private long resyncs;
  private long lostEvents;

  LinkStatus(HazelcastInstance member, Link link, boolean publishes, String policyName) {
    this.link = link;
    this.publishes = publishes;
    this.policyName = policyName;
    this.memberId = member.getCluster().getLocalMember().getUuid().toString().substring(0, 8);
    this.status = member.getMap(SwarmMap.REPLICATION.mapName());
    this.lastStatusAt = System.currentTimeMillis();
  }

  /** Whether a status interval has passed since the last status. */
  boolean due(long now) {
    return now - lastStatusAt >= link.statusIntervalMillis();
  }

  /** Records the lag of one delivered change. */
  void lag(long stampTime, long now) {
    lastLag = Math.max(0, now - stampTime);
    if (lagCount < LAG_SAMPLES) {
      lags[lagCount++] = lastLag;
    }
  }

  /** Counts a delivered batch of {@code count} changes. */
  void counted(long appliedCount, long rejectedCount, int count) {
    applied += appliedCount;
    rejected += rejectedCount;
    shipped += count;
    delivered += count;
  }

  void error(String error, long now) {
    lastError = error;
    lastErrorAt = now;
  }

  String lastError() {
    return lastError;
  }

  void resynced() {
    resyncs++;
  }

  long lostEvents() {
    return lostEvents;
  }

  void lostEvents(long lost) {
    lostEvents = lost;
  }

  /**
   * Publishes the status as {@code state}, with {@code backlog} changes waiting whose oldest was
   * stamped at {@code oldestWaiting} (0: none is waiting behind an outage).
   */
  void publish(String state, long now, long backlog, long oldestWaiting) {
    if (!publishes) {
      return;
    }
    double seconds = Math.max(0.001, (now - lastStatusAt) / 1000.0);
    double rate = (delivered - deliveredAtLastStatus) / seconds;
    long p99 = 0;
    if (lagCount > 0) {
      long[] sorted = Arrays.copyOf(lags, lagCount);
      Arrays.sort(sorted);
      p99 = sorted[Math.min(lagCount - 1, (int) Math.ceil(lagCount * 0.99) - 1)];
    }
    long lag = oldestWaiting > 0 ? now - oldestWaiting : lastLag;
    ReplicationStatus s =
        new ReplicationStatus(
            link.map(),
            link.source(),
            link.target(),
            memberId,
            state,
            shipped,
            applied,
            rejected,
            backlog,
            lag,
            p99,
            rate,
            lastError,
            lastErrorAt,
            resyncs,
            now,
            policyName,
            lostEvents);
    try {
      status.setAsync(
          ReplicationStatus.key(link.map(), link.target(), memberId), s, 1, TimeUnit.DAYS);
    } catch (RuntimeException e) {
      LOG.debug("status not published", e);
    }
    lagCount = 0;
    deliveredAtLastStatus = delivered;
    lastStatusAt = now;
  }
}
