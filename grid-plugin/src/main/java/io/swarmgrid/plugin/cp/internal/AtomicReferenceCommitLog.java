package io.swarmgrid.plugin.cp.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.IAtomicReference;
import io.swarmgrid.plugin.cp.CpCommitLog;
import io.swarmgrid.storage.consensus.CommitShard;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.tasks.consensus.CommitBatch;
import io.swarmgrid.tasks.consensus.LookupBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@link CpCommitLog} on Hazelcast CP {@code IAtomicReference}s: the log is split into a fixed number
 * of shards by proposal id, each one atomic reference holding a {@link CommitShard}. A batch costs two
 * Raft operations per shard it touches: {@code alter} runs {@link CommitBatch} in the state machine,
 * {@code apply} reads back what is committed ({@link LookupBatch}).
 */
public final class AtomicReferenceCommitLog implements CpCommitLog {
  /** Name prefix of the shards' CP objects. */
  public static final String PREFIX = "swarm.decisions.commit-";

  private final HazelcastInstance hz;
  private final AtomicReferenceArray<IAtomicReference<CommitShard>> shards;
  private final int capacity;

  /**
   * A log of {@code shardCount} shards remembering {@code capacity} decisions each. The CP objects
   * are created on first use: a member starts before the CP Subsystem has formed.
   */
  public AtomicReferenceCommitLog(HazelcastInstance hz, int shardCount, int capacity) {
    this.hz = hz;
    this.shards = new AtomicReferenceArray<>(shardCount);
    this.capacity = capacity;
  }

  @Override
  public Map<String, Decision> commit(List<Decision> batch) {
    Map<Integer, List<Decision>> byShard = new HashMap<>();
    for (Decision d : batch) {
      byShard.computeIfAbsent(shardOf(d.proposalId()), s -> new ArrayList<>()).add(d);
    }
    Map<String, Decision> committed = new HashMap<>();
    for (Map.Entry<Integer, List<Decision>> e : byShard.entrySet()) {
      IAtomicReference<CommitShard> shard = shard(e.getKey());
      shard.alter(new CommitBatch(e.getValue(), capacity));
      committed.putAll(shard.apply(new LookupBatch(e.getValue().stream().map(Decision::proposalId).toList())));
    }
    return committed;
  }

  private IAtomicReference<CommitShard> shard(int index) {
    IAtomicReference<CommitShard> ref = shards.get(index);
    if (ref == null) {
      ref = hz.getCPSubsystem().getAtomicReference(PREFIX + index);
      shards.set(index, ref);
    }
    return ref;
  }

  private int shardOf(String proposalId) {
    return Math.floorMod(proposalId.hashCode(), shards.length());
  }
}
