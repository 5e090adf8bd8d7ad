package io.swarmgrid.tasks.workload.lucene;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentMap;

/**
 * This member's shard of a distributed Lucene index: a Lucene index of the documents of {@code
 * name.docs} in the partitions this member owns, built on first use and kept in the member's user
 * context. It is rebuilt when the member's partitions change (a member joined or left and
 * partitions migrated) or the index was rebuilt (a new generation). Shards are memory only; the
 * documents themselves are in the grid map, with its backups.
 */
public final class MemberShards {
  private static final String PREFIX = "swarmgrid.lucene.";

  private MemberShards() {}

  /** The shard of {@code index} on member {@code hz}, built or rebuilt if needed. */
  public static LuceneShard local(HazelcastInstance hz, LuceneIndexMaps index) {
    ConcurrentMap<String, Object> context = hz.getUserContext();
    Long generation = hz.<String, Long>getMap(index.collection()).get(LuceneIndexMaps.GENERATION);
    Set<Integer> owned = ownedPartitions(hz);
    Cached cached =
        (Cached)
            context.compute(
                PREFIX + index.name(),
                (k, old) -> {
                  Cached c = (Cached) old;
                  if (c != null && c.owned().equals(owned) && c.generation().equals(generation)) {
                    return c;
                  }
                  if (c != null) {
                    c.shard().close();
                  }
                  IMap<String, String> docs = hz.getMap(index.docs());
                  Map<String, String> local = docs.getAll(docs.localKeySet());
                  return new Cached(
                      owned,
                      generation == null ? Long.valueOf(-1) : generation,
                      LuceneShard.build(new ArrayList<>(local.values())));
                });
    return cached.shard();
  }

  /** Closes and forgets this member's shard of {@code index}, if it has one. */
  public static void drop(HazelcastInstance hz, LuceneIndexMaps index) {
    Object cached = hz.getUserContext().remove(PREFIX + index.name());
    if (cached != null) {
      ((Cached) cached).shard().close();
    }
  }

  private static Set<Integer> ownedPartitions(HazelcastInstance hz) {
    Member me = hz.getCluster().getLocalMember();
    Set<Integer> owned = new TreeSet<>();
    for (Partition p : hz.getPartitionService().getPartitions()) {
      if (me.equals(p.getOwner())) {
        owned.add(p.getPartitionId());
      }
    }
    return owned;
  }

  private record Cached(Set<Integer> owned, Long generation, LuceneShard shard) {}
}
