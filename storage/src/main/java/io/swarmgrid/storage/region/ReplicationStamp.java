package io.swarmgrid.storage.region;

/**
 * Replication metadata of one entry, kept next to the value: in the side map {@code <map>.stamps}
 * under the same key (so on the same partition). The value itself stays the user's type; only the
 * stamp says where the entry's current state came from.
 *
 * @param origin the region where this state was written
 * @param time hybrid logical clock of the write: the origin's update time in epoch milliseconds,
 *     raised past every stamp the origin had already seen for the key
 * @param version per-key write count at the origin's knowledge (each local write adds one)
 * @param hash 64-bit hash of the serialized value (0 for a removal); tells a replicated state from
 *     a new local write of the same key
 * @param removed whether this state is a removal (a tombstone, kept for the tombstone TTL)
 * @param pending set by a replicated delivery between recording the stamp and writing the value;
 *     cleared when the region's own replication job sees the value arrive
 */
public record ReplicationStamp(
    String origin, long time, long version, long hash, boolean removed, boolean pending) {

  /** A stamp that is not pending. */
  public ReplicationStamp(String origin, long time, long version, long hash, boolean removed) {
    this(origin, time, version, hash, removed, false);
  }

  /** Whether both stamps name the same write (the pending flag aside). */
  public boolean sameWrite(ReplicationStamp other) {
    return other != null
        && time == other.time
        && version == other.version
        && hash == other.hash
        && removed == other.removed
        && origin.equals(other.origin);
  }

  /** This stamp with the pending flag set to {@code p}. */
  public ReplicationStamp withPending(boolean p) {
    return new ReplicationStamp(origin, time, version, hash, removed, p);
  }

  /**
   * Total order of stamps by hybrid clock, then origin name (latest-update policy).
   *
   * @return negative, zero or positive as this stamp is older, equal or newer than {@code other}
   */
  public int compareByTime(ReplicationStamp other) {
    int c = Long.compare(time, other.time);
    return c != 0 ? c : origin.compareTo(other.origin);
  }

  /** Total order of stamps by version, then hybrid clock, then origin (higher-version policy). */
  public int compareByVersion(ReplicationStamp other) {
    int c = Long.compare(version, other.version);
    return c != 0 ? c : compareByTime(other);
  }
}
