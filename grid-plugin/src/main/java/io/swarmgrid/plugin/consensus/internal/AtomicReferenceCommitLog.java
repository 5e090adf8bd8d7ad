package io.swarmgrid.plugin.consensus.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.IAtomicLong;
import com.hazelcast.cp.IAtomicReference;
import io.swarmgrid.storage.consensus.CommitShard;
import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.tasks.consensus.CommitBatch;
import io.swarmgrid.tasks.consensus.LookupBatch;
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
 * costs two Raft operations per shard it touches, all shards at once: {@code alter} runs {@link
 * CommitBatch} in the state machine, {@code apply} reads back what is committed ({@link
 * LookupBatch}). The shard count is itself CP state ({@value #SHARD_COUNT}): members configured
 * with different {@code cp-shards} would otherwise commit one proposal to two shards.
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
    await(CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)));
    List<CompletableFuture<CommitShard>> lookups = new ArrayList<>();
    for (Map.Entry<Integer, List<Committed>> e : byShard.entrySet()) {
      List<String> ids = e.getValue().stream().map(Committed::proposalId).toList();
      lookups.add(shard(e.getKey()).applyAsync(new LookupBatch(ids)).toCompletableFuture());
    }
    await(CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)));
    Map<String, Committed> committed = new HashMap<>();
    for (CompletableFuture<CommitShard> f : lookups) {
      committed.putAll(f.join().byProposal());
    }
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
