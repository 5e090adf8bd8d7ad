package io.swarmgrid.storage.region;

/**
 * What one replication link (a map, from this region to one target region, as seen by one source
 * member) reports in {@code swarm.replication}.
 *
 * @param map the replicated map
 * @param source the source region
 * @param target the target region
 * @param member the source member that writes this status (each member ships its own partitions)
 * @param state {@code starting}, {@code running}, {@code retrying} (target unreachable; the event
 *     journal holds the backlog) or {@code resyncing}
 * @param shipped updates sent to the target so far
 * @param applied of those, updates the target's conflict policy accepted
 * @param rejected of those, updates the target already held in a newer state
 * @param backlog updates received from the journal and not yet delivered
 * @param lagMillis age of the oldest undelivered update, or of the last delivered one when none
 *     waits
 * @param lagP99Millis 99th percentile of delivery lag (write at the origin to applied at the
 *     target) over the last status interval
 * @param opsPerSecond delivered updates per second over the last status interval
 * @param lastError the last delivery error, empty if none
 * @param lastErrorAt when it happened (epoch ms), 0 if never
 * @param resyncs full copies of the map run for this link
 * @param updatedAt when this status was written (epoch ms)
 * @param policy the conflict policy this region applies to the map ({@code custom:<class>} for
 *     custom)
 * @param lostEvents journal events this member's job found overwritten before it read them (the
 *     journal overflowed while the link was behind); each loss starts a full copy of the map
 */
public record ReplicationStatus(
    String map,
    String source,
    String target,
    String member,
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
    long updatedAt,
    String policy,
    long lostEvents) {

  /** The key of a status in {@code swarm.replication}: {@code map|target|member}. */
  public static String key(String map, String target, String member) {
    return map + "|" + target + "|" + member;
  }
}
