package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.region.ReplicationStatus;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of one link's writer on one member, published to {@code swarm.replication} (key map,
 * target, member) when the writer publishes: shipped, applied and rejected changes, the backlog,
 * the lag and its 99th percentile since the last status, the rate, the last error, resyncs and lost
 * journal events. Used under the writer's lock. The lag is a Micrometer timer ({@code
 * swarmgrid.region.replication.lag}, on the member's registry) whose percentiles cover about one
 * status interval.
 */
final class LinkStatus {
  private static final Logger LOG = LoggerFactory.getLogger(LinkStatus.class);

  private final Link link;
  private final boolean publishes;
  private final String memberId;
  private final String policyName;
  private final IMap<String, ReplicationStatus> status;
  private final Timer lags;
  private long lagCount;
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

  /**
   * The status of writer number {@code writer} of the link on {@code member}; writers after the
   * first publish under the member's id with {@code -N} appended.
   */
  LinkStatus(
      HazelcastInstance member, Link link, boolean publishes, String policyName, int writer) {
    this.link = link;
    this.publishes = publishes;
    this.policyName = policyName;
    String uuid = member.getCluster().getLocalMember().getUuid().toString().substring(0, 8);
    this.memberId = writer == 0 ? uuid : uuid + "-" + writer;
    this.status = member.getMap(SwarmMap.REPLICATION.mapName());
    this.lastStatusAt = System.currentTimeMillis();
    MeterRegistry registry =
        SwarmServices.find(member, MeterRegistry.class).orElseGet(SimpleMeterRegistry::new);
    this.lags =
        Timer.builder("swarmgrid.region.replication.lag")
            .description("write at the origin to applied at the target")
            .tag("map", link.map())
            .tag("target", link.target())
            .publishPercentiles(0.99)
            .percentilePrecision(2)
            .distributionStatisticExpiry(Duration.ofMillis(link.statusIntervalMillis()))
            .distributionStatisticBufferLength(1)
            .register(registry);
  }

  /** Whether a status interval has passed since the last status. */
  boolean due(long now) {
    return now - lastStatusAt >= link.statusIntervalMillis();
  }

  /** Records the lag of one delivered change. */
  void lag(long writtenAt, long now) {
    lastLag = Math.max(0, now - writtenAt);
    lags.record(lastLag, TimeUnit.MILLISECONDS);
    lagCount++;
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
      for (ValueAtPercentile v : lags.takeSnapshot().percentileValues()) {
        p99 = Math.round(v.value(TimeUnit.MILLISECONDS));
      }
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
