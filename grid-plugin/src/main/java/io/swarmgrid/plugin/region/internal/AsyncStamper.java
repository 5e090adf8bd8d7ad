package io.swarmgrid.plugin.region.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.plugin.hazelcast.EntryReads;
import io.swarmgrid.storage.region.ReplicationStamp;
import io.swarmgrid.storage.runtime.CallerRuns;
import io.swarmgrid.storage.runtime.SwarmThreads;
import io.swarmgrid.tasks.region.StampLocal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Stamps the streaming job's changes as {@link Stamper} does, without holding a thread per change:
 * the entry read and the stamp are two chained asynchronous calls on the key's partition. Four
 * blocking stampers per member were where a link's lag went (issue 15: seconds at 10k changes/s,
 * the sink idle). The changes of one key are stamped one after the other (a later change waits for
 * the earlier one's stamp): two stamps of one key computed from two reads could otherwise be
 * recorded in the wrong order and ship an older value under the newer stamp.
 */
final class AsyncStamper {
  private final EntryReads reads;
  private final IMap<Object, ReplicationStamp> stamps;
  private final String map;
  private final String region;
  private final long tombstoneTtlSeconds;
  private final Executor invoking = EntryReads.invoking(this::offload);
  // Keys with a stamp in flight, by the future of their latest change. Read and written on the
  // processor's thread; completions remove their own entry from any thread.
  private final Map<Object, CompletableFuture<Shipment>> inFlight = new ConcurrentHashMap<>();
  private ExecutorService fallback;

  AsyncStamper(HazelcastInstance member, String map, String region, long tombstoneTtlSeconds) {
    this.reads = EntryReads.of(member);
    this.stamps = member.getMap(ReplicationJobs.stampMapName(map));
    this.map = map;
    this.region = region;
    this.tombstoneTtlSeconds = tombstoneTtlSeconds;
  }

  /** As {@link Stamper#stamp}: the key's current state with its stamp, or null (not shipped). */
  CompletableFuture<Shipment> stamp(Change c) {
    Object key = c.key();
    CompletableFuture<Shipment> previous = inFlight.get(key);
    CompletableFuture<Shipment> next =
        previous == null
            ? stampNow(key, c.readAt())
            : previous
                .handle((s, e) -> null)
                .thenComposeAsync(x -> stampNow(key, c.readAt()), invoking);
    inFlight.put(key, next);
    next.whenComplete((s, e) -> inFlight.remove(key, next));
    return next;
  }

  private CompletableFuture<Shipment> stampNow(Object key, long readAt) {
    return reads
        .read(map, key)
        .thenComposeAsync(
            current -> {
              boolean removed = current == null;
              long updateTime =
                  removed || current.lastUpdateTime() <= 0
                      ? System.currentTimeMillis()
                      : current.lastUpdateTime();
              StampLocal stamping =
                  new StampLocal(
                      region,
                      removed ? 0 : current.hash(),
                      removed,
                      updateTime,
                      tombstoneTtlSeconds);
              return stamps
                  .submitToKey(key, stamping)
                  .thenApplyAsync(
                      s ->
                          s == null
                              ? null
                              : new Shipment(
                                  key,
                                  removed ? null : current.value(),
                                  s,
                                  readAt,
                                  System.currentTimeMillis()),
                      CallerRuns.EXECUTOR);
            },
            invoking);
  }

  /** Continuations completed on a thread that may not invoke (a remote read's response). */
  private synchronized void offload(Runnable task) {
    if (fallback == null) {
      fallback = SwarmThreads.pool("swarmgrid-stamp-" + map, 1);
    }
    fallback.execute(task);
  }

  synchronized void close() {
    if (fallback != null) {
      fallback.shutdownNow();
    }
  }
}
