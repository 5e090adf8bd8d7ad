package io.swarmgrid.plugin.region.internal;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.plugin.hazelcast.ValueHash;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.region.ReplicationStamp;
import io.swarmgrid.storage.region.ReplicationStatus;
import io.swarmgrid.storage.runtime.CallerRuns;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.region.ApplyAndWrite;
import io.swarmgrid.tasks.region.ApplyStamp;
import io.swarmgrid.tasks.region.BucketDigests;
import io.swarmgrid.tasks.region.BucketEntries;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The target region of one link as a writer sees it, through a Hazelcast client of its own: each
 * change is judged by {@link ApplyStamp} on the target member that owns the key and written or
 * removed there in the same call ({@link ApplyAndWrite}). The client connects in the background and
 * reconnects by itself; proxies are made on the first delivery, since they need the target cluster.
 */
final class TargetRegion {
  private final Link link;
  private final RegionClient client;
  private final ValueHash hash;
  // The rare blocking read (an entry's update time) runs here, not on the client's threads.
  private final ScheduledExecutorService slowCalls;
  private IMap<Object, Object> targetMap;
  private IMap<Object, ReplicationStamp> targetStamps;

  TargetRegion(Link link, ValueHash hash, ScheduledExecutorService slowCalls) {
    this.link = link;
    this.hash = hash;
    this.slowCalls = slowCalls;
    this.client =
        new RegionClient(
            "swarmgrid-" + link.source() + "-to-" + link.target(),
            link.clusterName(),
            link.addresses(),
            link.retryInitialMillis(),
            link.retryMaxMillis());
  }

  /** A timer thread of the writer of {@code link}, also used for its slow reads. */
  static ScheduledExecutorService timer(Link link) {
    return SwarmThreads.scheduler("swarmgrid-" + link.map() + "-to-" + link.target() + "-reads");
  }

  /** The name under which this side reports the link's conflict policy. */
  String policyName() {
    return link.mergeClass().isEmpty() ? link.policy() : link.policy() + ":" + link.mergeClass();
  }

  /**
   * Active-active replication converges only if both directions judge conflicts alike: the links of
   * the same map coming back from the target must use the same policy. Checked against the statuses
   * the target region publishes.
   *
   * @throws IllegalStateException naming both policies when they differ
   */
  void checkPolicies() {
    IMap<String, ReplicationStatus> back = client.map(SwarmMap.REPLICATION.mapName());
    for (ReplicationStatus s :
        back.values(Predicates.like("__key", link.map() + "|" + link.source() + "|%"))) {
      if (!s.policy().isEmpty() && !s.policy().equals(policyName())) {
        throw new IllegalStateException(
            "conflicting policies for map "
                + link.map()
                + ": region "
                + link.source()
                + " uses "
                + policyName()
                + ", region "
                + link.target()
                + " uses "
                + s.policy()
                + "; make swarmgrid.regions.maps."
                + link.map()
                + ".policy the same in both (nothing is delivered until then)");
      }
    }
  }

  /** Sends each shipment; each future completes with whether the target applied it. */
  List<CompletableFuture<Boolean>> send(Collection<Shipment> shipments) {
    proxies();
    List<CompletableFuture<Boolean>> results = new ArrayList<>(shipments.size());
    for (Shipment s : shipments) {
      results.add(send(s).toCompletableFuture());
    }
    return results;
  }

  /** The target map's digests per key bucket (computed on the target's members). */
  BucketDigests.Result digests(int buckets) {
    proxies();
    return targetMap.aggregate(new BucketDigests(buckets));
  }

  /** Value hash by key hash of the target's entries in the {@code wanted} buckets. */
  Map<Long, Long> entries(int buckets, int[] wanted) {
    proxies();
    return targetMap.aggregate(new BucketEntries(buckets, wanted, false)).valueHashes();
  }

  private void proxies() {
    if (targetStamps == null) {
      targetMap = client.map(link.map());
      targetStamps = client.map(ReplicationJobs.stampMapName(link.map()));
    }
  }

  /**
   * One call ({@link ApplyAndWrite}: judged and written on the target member that owns the key);
   * three when that member cannot read the entry where the stamp lives.
   */
  private CompletionStage<Boolean> send(Shipment s) {
    return targetStamps
        .submitToKey(s.key(), new ApplyAndWrite(apply(s, 0, 0), link.map(), s.value()))
        .thenComposeAsync(
            verdict ->
                verdict == ApplyAndWrite.NEED_CURRENT
                    ? sendInThreeCalls(s)
                    : CompletableFuture.completedFuture(verdict == ApplyAndWrite.WRITTEN),
            CallerRuns.EXECUTOR);
  }

  /**
   * Read, judge, write. Continuations run on the client's response thread (CallerRuns), except the
   * rare read of a local write's update time, which blocks and runs on the writer's own thread.
   */
  private CompletionStage<Boolean> sendInThreeCalls(Shipment s) {
    return targetMap
        .getAsync(s.key())
        .thenComposeAsync(
            current -> {
              long currentHash = current == null ? 0 : hash.of(current);
              return targetStamps.submitToKey(s.key(), apply(s, currentHash, 0));
            },
            CallerRuns.EXECUTOR)
        .thenComposeAsync(
            verdict -> {
              if (verdict == ApplyStamp.NEED_UPDATE_TIME) {
                // A real conflict with an unstamped local write at the target (rare): judge it by
                // that write's update time.
                return CompletableFuture.supplyAsync(
                        () -> targetMap.getEntryView(s.key()), slowCalls)
                    .thenCompose(
                        view ->
                            targetStamps.submitToKey(
                                s.key(),
                                view == null
                                    ? apply(s, 0, 0)
                                    : apply(
                                        s,
                                        hash.of(view.getValue()),
                                        Math.max(1, view.getLastUpdateTime()))));
              }
              return CompletableFuture.completedFuture(verdict);
            },
            CallerRuns.EXECUTOR)
        .thenComposeAsync(
            verdict -> {
              if (verdict != ApplyStamp.APPLY) {
                return CompletableFuture.completedFuture(false);
              }
              CompletionStage<?> write =
                  s.stamp().removed()
                      ? targetMap.deleteAsync(s.key())
                      : targetMap.setAsync(s.key(), s.value());
              return write.thenApplyAsync(x -> true, CallerRuns.EXECUTOR);
            },
            CallerRuns.EXECUTOR);
  }

  private ApplyStamp apply(Shipment s, long currentHash, long currentUpdateTime) {
    return ApplyStamp.of(
        s.stamp(),
        link.policy(),
        link.mergeClass(),
        link.tombstoneTtlSeconds(),
        link.target(),
        currentHash,
        currentUpdateTime);
  }

  /** Fails any call in flight at once (the member is going down). */
  void terminate() {
    client.terminate();
  }

  void shutdown() {
    client.shutdown();
  }
}
