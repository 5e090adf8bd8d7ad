package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.IAtomicLong;
import com.hazelcast.cp.IAtomicReference;
import io.swarmgrid.storage.consensus.CommitShard;
import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.tasks.consensus.CommitBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link CpCommitLog} on Hazelcast CP {@code IAtomicReference}s: the log is split into a fixed
 * number of shards by proposal id, each one atomic reference holding a {@link CommitShard}. A batch
 * costs one Raft operation per shard it touches, all shards at once: {@code alterAndGet} runs
 * {@link CommitBatch} in the state machine and answers with the shard as committed, from which the
 * batch's winners are read (no second, linearizable read). The shard count is itself CP state
 * ({@value #SHARD_COUNT}): members configured with different {@code cp-shards} would otherwise
 * commit one proposal to two shards.
 */
public final class AtomicReferenceCommitLog implements CpCommitLog {
  /** Name prefix of the shards' CP objects. */
  public static final String PREFIX = "swarm.decisions.commit-";

  /** Name of the CP atomic long that holds the cluster's shard count. */
  public static final String SHARD_COUNT = "swarm.decisions.commit-shards";

  private final HazelcastInstance hz;
  private final int configuredShards;
  private final int capacity;
  private final Duration timeout;
  private final Map<Integer, IAtomicReference<CommitShard>> shards = new ConcurrentHashMap<>();
  private volatile int shardCount;

  /**
   * A log of {@code shardCount} shards (unless the cluster recorded another count first)
   * remembering {@code capacity} decisions each, whose CP calls give up after {@code timeout}. The
   * CP objects are created on first use: a member starts before the CP Subsystem has formed.
   */
  public AtomicReferenceCommitLog(
      HazelcastInstance hz, int shardCount, int capacity, Duration timeout) {
    this.hz = hz;
    this.configuredShards = shardCount;
    this.capacity = capacity;
    this.timeout = timeout;
  }

  @Override
  public int shards() throws TimeoutException {
    int n = shardCount;
    if (n == 0) {
      IAtomicLong recorded = hz.getCPSubsystem().getAtomicLong(SHARD_COUNT);
      // Whoever records first sets the count for the cluster's lifetime (CP state survives
      // members).
      await(recorded.compareAndSetAsync(0, configuredShards).toCompletableFuture());
      n = (int) (long) await(recorded.getAsync().toCompletableFuture());
      shardCount = n;
    }
    return n;
  }

  @Override
  public Map<String, Committed> commit(List<Decision> batch) throws TimeoutException {
    int count = shards();
    Map<Integer, List<Committed>> byShard = new HashMap<>();
    for (Decision d : batch) {
      byShard
          .computeIfAbsent(Math.floorMod(d.proposalId().hashCode(), count), s -> new ArrayList<>())
          .add(Committed.of(d));
    }
    // The shards are independent Raft objects: commit to all of them at once. Each operation
    // appends and answers: the shard it returns holds, for every id of the batch, the decision that
    // won (this batch's or an earlier one; CommitShard.commit never drops the batch it adds).
    Map<Integer, CompletableFuture<CommitShard>> commits = new HashMap<>();
    for (Map.Entry<Integer, List<Committed>> e : byShard.entrySet()) {
      commits.put(
          e.getKey(),
          shard(e.getKey())
              .alterAndGetAsync(new CommitBatch(e.getValue(), capacity))
              .toCompletableFuture());
    }
    await(CompletableFuture.allOf(commits.values().toArray(CompletableFuture[]::new)));
    Map<String, Committed> committed = new HashMap<>();
    commits.forEach(
        (shard, f) -> {
          List<String> ids = byShard.get(shard).stream().map(Committed::proposalId).toList();
          committed.putAll(f.join().only(ids).byProposal());
        });
    return committed;
  }

  private <T> T await(CompletableFuture<T> future) throws TimeoutException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while committing through CP", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }

  private IAtomicReference<CommitShard> shard(int index) {
    return shards.computeIfAbsent(index, i -> hz.getCPSubsystem().getAtomicReference(PREFIX + i));
  }
}
