package io.swarmgrid.storage.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The writer's bound of a map that must never evict ({@code SwarmMap.Bound.ENTRY_LIMIT}): new
 * entries are refused once the map holds {@code storage.max-entries-per-member} times the data
 * members. Hazelcast's size eviction would instead drop acknowledged entries, per partition, and
 * sooner after a member dies (issue 13). The count is read when a write would add entries, so
 * concurrent writers can pass it by a few.
 */
public final class EntryLimit {
  private final IMap<?, ?> map;
  private final HazelcastInstance hz;
  private final int perMember;

  /** The limit of {@code map}: {@code perMember} entries per data member. */
  public EntryLimit(HazelcastInstance hz, IMap<?, ?> map, int perMember) {
    if (perMember < 1) {
      throw new IllegalArgumentException("perMember: " + perMember + " is not positive");
    }
    this.hz = hz;
    this.map = map;
    this.perMember = perMember;
  }

  /** The current limit: {@code perMember} times the data (non-lite) members. */
  public long limit() {
    long members = hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).count();
    return perMember * Math.max(1, members);
  }

  /**
   * Refuses adding {@code more} entries over the limit.
   *
   * @throws IllegalStateException naming the map, the count and the limit; the caller writes
   *     nothing then
   */
  public void checkRoomFor(int more) {
    long limit = limit();
    int size = map.size();
    if ((long) size + more > limit) {
      throw new IllegalStateException(
          map.getName()
              + ": "
              + size
              + " entries held, the limit is "
              + limit
              + " (storage.max-entries-per-member "
              + perMember
              + " x "
              + (limit / perMember)
              + " members); new entries are refused until finished ones expire or are removed"
              + " (entries are never evicted)");
    }
  }
}
