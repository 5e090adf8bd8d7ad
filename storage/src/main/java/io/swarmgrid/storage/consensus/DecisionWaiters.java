package io.swarmgrid.storage.consensus;

import com.hazelcast.map.IMap;
import io.swarmgrid.storage.runtime.CallerRuns;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callers of {@link DecisionStore#await}: completed by the store's map listener, and, because
 * an event can be missed (a client reconnecting, a listener lost with its member, a split-brain
 * merge), by a re-read of every awaited decision each {@link #RECHECK_MILLIS} while anyone waits
 * and at once when a client reconnects. A caller that gives up (cancels, times out with {@code
 * orTimeout}) is forgotten, and awaiting a proposal that does not exist fails instead of waiting
 * forever.
 */
final class DecisionWaiters implements AutoCloseable {
  static final long RECHECK_MILLIS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(DecisionWaiters.class);

  private final IMap<String, Decision> decisions;
  private final IMap<String, Proposal> proposals;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final Set<String> missingOnce = ConcurrentHashMap.newKeySet();
  private volatile ScheduledExecutorService rechecker;

  private record Waiting(CompletableFuture<Decision> shared, AtomicInteger callers) {}

  DecisionWaiters(IMap<String, Decision> decisions, IMap<String, Proposal> proposals) {
    this.decisions = decisions;
    this.proposals = proposals;
  }

  CompletableFuture<Decision> await(String proposalId) {
    Waiting w =
        waiting.compute(
            proposalId,
            (id, old) -> {
              if (old == null) {
                return new Waiting(new CompletableFuture<>(), new AtomicInteger(1));
              }
              old.callers().incrementAndGet();
              return old;
            });
    CompletableFuture<Decision> mine = w.shared().copy();
    mine.whenComplete(
        (d, e) -> {
          if (e != null && w.callers().decrementAndGet() == 0) {
            waiting.remove(proposalId, w);
          }
        });
    startRechecking();
    // Registered first, read second: a decision committed in between reaches us either way. Not
    // a blocking get: await is called from continuations on Hazelcast's response threads (the
    // async client API), where a blocking call never gets its answer.
    decisions
        .getAsync(proposalId)
        .whenCompleteAsync(
            (already, e) -> {
              if (already != null) {
                complete(already);
              }
            },
            CallerRuns.EXECUTOR);
    return mine;
  }

  void complete(Decision d) {
    Waiting w = waiting.remove(d.proposalId());
    if (w != null) {
      missingOnce.remove(d.proposalId());
      w.shared().complete(d);
    }
  }

  /** Proposals awaited right now (for tests and metrics). */
  int size() {
    return waiting.size();
  }

  /** Reads every awaited decision again; fails the waits of proposals that do not exist. */
  void recheck() {
    if (waiting.isEmpty()) {
      return;
    }
    try {
      Set<String> ids = new HashSet<>(waiting.keySet());
      decisions.getAll(ids).values().forEach(this::complete);
      ids.retainAll(waiting.keySet());
      if (ids.isEmpty()) {
        return;
      }
      Set<String> exist = proposals.getAll(ids).keySet();
      for (String id : ids) {
        // Missing at two re-reads in a row: not a proposal that is being made right now.
        if (exist.contains(id) || missingOnce.add(id)) {
          continue;
        }
        missingOnce.remove(id);
        Waiting w = waiting.remove(id);
        if (w != null) {
          w.shared()
              .completeExceptionally(
                  new IllegalArgumentException(
                      "proposalId: '" + id + "' is not a proposal (unknown, or expired)"));
        }
      }
      missingOnce.retainAll(waiting.keySet());
    } catch (RuntimeException e) {
      LOG.debug("re-reading awaited decisions failed, will retry: {}", e.toString());
    }
  }

  private void startRechecking() {
    if (rechecker == null) {
      synchronized (this) {
        if (rechecker == null) {
          ScheduledExecutorService s = SwarmThreads.scheduler("swarmgrid-decision-waiters");
          s.scheduleWithFixedDelay(
              this::recheck, RECHECK_MILLIS, RECHECK_MILLIS, TimeUnit.MILLISECONDS);
          rechecker = s;
        }
      }
    }
  }

  /** Re-reads soon, off the calling thread (an event or lifecycle thread). */
  void recheckSoon() {
    ScheduledExecutorService s = rechecker;
    if (s != null) {
      s.execute(this::recheck);
    }
  }

  @Override
  public void close() {
    ScheduledExecutorService s = rechecker;
    if (s != null) {
      s.shutdownNow();
    }
  }
}
