package io.swarmgrid.client.region;

import java.util.List;

/**
 * Replication of one map from one region to another, summed over the source members that ship it.
 *
 * @param map the replicated map
 * @param source the source region (the cluster this client is connected to)
 * @param target the target region
 * @param state {@code retrying} if any member cannot deliver, else {@code running}, {@code
 *     starting} or {@code stopped}
 * @param shipped updates sent so far
 * @param applied of those, updates the target's conflict policy accepted
 * @param rejected of those, updates the target already held in a newer state
 * @param backlog updates read from the journal and not yet delivered
 * @param lagMillis the largest member lag: age of the oldest undelivered update, or of the last
 *     delivered one when none waits
 * @param lagP99Millis the largest member 99th percentile of delivery lag over the last status
 *     interval
 * @param opsPerSecond delivered updates per second over the last status interval, all members
 * @param lastError the most recent delivery error of any member, empty if none
 * @param lastErrorAt when it happened (epoch ms), 0 if never
 * @param resyncs full copies run after outages
 * @param members the source members reporting
 * @param lostEvents journal events overwritten before the link read them (the journal overflowed
 *     while the link was behind; each loss started a full copy of the map), all members
 */
public record LinkStatus(
    String map,
    String source,
    String target,
    String state,
    long shipped,
    long applied,
    long rejected,
    long backlog,
    long lagMillis,
    long lagP99Millis,
    double opsPerSecond,
    String lastError,
    long lastErrorAt,
    long resyncs,
    List<String> members,
    long lostEvents) {}
