package io.swarmgrid.plugin.cp.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.IAtomicReference;
import io.swarmgrid.plugin.cp.CpCommitLog;
import io.swarmgrid.storage.consensus.CommitShard;
import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.tasks.consensus.CommitBatch;
import io.swarmgrid.tasks.consensus.LookupBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@link CpCommitLog} on Hazelcast CP {@code IAtomicReference}s: the log is split into a fixed
 * number of shards by proposal id, each one atomic reference holding a {@link CommitShard}. A batch
 * costs two Raft operations per shard it touches, all shards at once: {@code alter} runs {@link
 * CommitBatch} in the state machine, {@code apply} reads back what is committed ({@link
 * LookupBatch}).
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
  public Map<String, Committed> commit(List<Decision> batch) {
    Map<Integer, List<Committed>> byShard = new HashMap<>();
    for (Decision d : batch) {
      byShard.computeIfAbsent(shardOf(d.proposalId()), s -> new ArrayList<>()).add(Committed.of(d));
    }
    // The shards are independent Raft objects: commit to all of them at once, then read back what
    // each holds for these ids. Two rounds, not a chained continuation: a member refuses an
    // invocation started on its response thread, and without an executor Hazelcast would start a
    // thread per continuation on small machines (docs/DECISIONS.md).
    List<CompletableFuture<?>> commits = new ArrayList<>();
    for (Map.Entry<Integer, List<Committed>> e : byShard.entrySet()) {
      commits.add(
          shard(e.getKey())
              .alterAsync(new CommitBatch(e.getValue(), capacity))
              .toCompletableFuture());
    }
    commits.forEach(CompletableFuture::join);
    List<CompletableFuture<HashMap<String, Committed>>> lookups = new ArrayList<>();
    for (Map.Entry<Integer, List<Committed>> e : byShard.entrySet()) {
      List<String> ids = e.getValue().stream().map(Committed::proposalId).toList();
      lookups.add(shard(e.getKey()).applyAsync(new LookupBatch(ids)).toCompletableFuture());
    }
    Map<String, Committed> committed = new HashMap<>();
    for (CompletableFuture<HashMap<String, Committed>> f : lookups) {
      committed.putAll(f.join());
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
