package io.swarmgrid.storage.consensus;

import com.hazelcast.map.IMap;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
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

  /**
   * How long after an await its decision is first read, if no event has brought it by then. Most
   * awaits come before the decision exists (a caller awaits, then votes): an immediate read was one
   * grid operation per decision that found nothing. The read is there for a decision published
   * before this store listened, or whose event was missed.
   */
  static final long FIRST_READ_MILLIS = 200;

  /** Decisions the events brought with no one waiting: the newest this many. */
  static final int RECENT = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DecisionWaiters.class);

  private final IMap<String, Decision> decisions;
  private final IMap<String, Proposal> proposals;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final Set<String> missingOnce = ConcurrentHashMap.newKeySet();

  /**
   * The newest decisions that arrived with no one waiting for them: an await that comes after its
   * decision's event is answered from here, with no read.
   */
  private final Map<String, Decision> recent =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(RECENT * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
              return size() > RECENT;
            }
          });

  private volatile ScheduledExecutorService rechecker;

  private record Waiting(CompletableFuture<Decision> shared, AtomicInteger callers) {}

  DecisionWaiters(IMap<String, Decision> decisions, IMap<String, Proposal> proposals) {
    this.decisions = decisions;
    this.proposals = proposals;
  }

  CompletableFuture<Decision> await(String proposalId) {
    Decision arrived = recent.get(proposalId);
    if (arrived != null) {
      return CompletableFuture.completedFuture(arrived);
    }
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
    ScheduledExecutorService s = startRechecking();
    // Its event may have come between the look at the recent ones and the registration.
    Decision raced = recent.get(proposalId);
    if (raced != null) {
      complete(raced);
      return mine;
    }
    // Registered first, read second: a decision committed in between reaches us either way. Read
    // only if no event brought it within FIRST_READ_MILLIS. Not a blocking get: the read runs
    // where a continuation of Hazelcast's response threads may wait on it.
    try {
      s.schedule(() -> readIfStillAwaited(proposalId, w), FIRST_READ_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // Closed: nothing will read it again; the caller waits for an event.
    }
    return mine;
  }

  /**
   * Runs on this store's own thread, never on a response thread: reading a Decision may be the
   * client's first and fetch its Compact schema in a blocking call, which a continuation on a
   * response thread never gets the answer of ({@code DecisionStoreTest}'s missed event hung so when
   * this was a {@code getAsync} continuation).
   */
  private void readIfStillAwaited(String proposalId, Waiting w) {
    if (waiting.get(proposalId) != w) {
      return;
    }
    try {
      Decision already = decisions.get(proposalId);
      if (already != null) {
        complete(already);
      }
    } catch (RuntimeException e) {
      LOG.debug("reading awaited decision {} failed, the re-read will retry: {}", proposalId, e);
    }
  }

  /** A decision read or brought by an event: completes its waits, or is kept among the recent. */
  void complete(Decision d) {
    Waiting w = waiting.remove(d.proposalId());
    if (w != null) {
      missingOnce.remove(d.proposalId());
      w.shared().complete(d);
    } else {
      recent.put(d.proposalId(), d);
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

  private ScheduledExecutorService startRechecking() {
    ScheduledExecutorService s = rechecker;
    if (s == null) {
      synchronized (this) {
        s = rechecker;
        if (s == null) {
          s = SwarmThreads.scheduler("swarmgrid-decision-waiters");
          s.scheduleWithFixedDelay(
              this::recheck, RECHECK_MILLIS, RECHECK_MILLIS, TimeUnit.MILLISECONDS);
          rechecker = s;
        }
      }
    }
    return s;
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
