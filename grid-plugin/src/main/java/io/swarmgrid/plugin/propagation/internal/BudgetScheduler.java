package io.swarmgrid.plugin.propagation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Decides per update and target what is sent, when and at which quality, within each target's
 * bytes-per-second budget (a Resilience4j rate limiter whose permits are bytes). Over budget, an
 * update waits (urgent first), then is degraded to a lower quality, and a waiting delta is dropped
 * when a later update of its state replaces it; see {@link TargetQueue}.
 */
public final class BudgetScheduler<P> {
  private final LongSupplier nanoClock;
  private final DegradePolicy degrade;
  private final ToLongFunction<String> budgetOf;
  private final TargetQueue.DropListener<P> onDrop;
  private final Map<String, TargetQueue<P>> targets = new ConcurrentHashMap<>();
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();

  /**
   * A scheduler.
   *
   * @param nanoClock the clock (System::nanoTime, or a test's)
   * @param degradeAfterNanos how long a background update waits before it is degraded (normal: 2x,
   *     high: 4x); 0 never degrades
   * @param budgetOf a target's budget in bytes per second, 0 for unlimited
   */
  public BudgetScheduler(
      LongSupplier nanoClock, long degradeAfterNanos, ToLongFunction<String> budgetOf) {
    this(nanoClock, degradeAfterNanos, budgetOf, (t, c) -> {});
  }

  /** A scheduler that tells {@code onDrop} of each update it drops for a target. */
  public BudgetScheduler(
      LongSupplier nanoClock,
      long degradeAfterNanos,
      ToLongFunction<String> budgetOf,
      BiConsumer<String, Candidate<P>> onDrop) {
    this.onDrop = onDrop::accept;
    this.nanoClock = nanoClock;
    this.degrade = new DegradePolicy(degradeAfterNanos);
    this.budgetOf = budgetOf;
  }

  /** Now, on the scheduler's clock. */
  public long now() {
    return nanoClock.getAsLong();
  }

  /** Offers {@code c} to {@code target}. */
  public void offer(String target, Candidate<P> c) {
    queue(target).offer(c);
    waiting.add(target);
  }

  /**
   * Counts {@code n} updates for {@code target} that a later update of the same publish batch
   * replaced before they were offered: dropped, as they would have been one offer later.
   */
  public void replacedInBatch(String target, int n) {
    queue(target).replacedInBatch(n);
  }

  /** Everything that may be sent now, per target in priority order. */
  public List<Send<P>> due() {
    return due(t -> true);
  }

  /**
   * What may be sent now to the targets {@code ready} accepts, per target in priority order; the
   * others keep their updates waiting (where a later update can still replace them).
   */
  public List<Send<P>> due(Predicate<String> ready) {
    long now = nanoClock.getAsLong();
    List<Send<P>> sends = new ArrayList<>();
    for (String target : waiting) {
      if (!ready.test(target)) {
        continue;
      }
      TargetQueue<P> q = targets.get(target);
      if (q == null) {
        waiting.remove(target);
        continue;
      }
      sends.addAll(q.due(now, degrade));
      if (q.idle()) {
        waiting.remove(target);
        // An offer may have come between idle() and remove(): look again.
        if (!q.idle()) {
          waiting.add(target);
        }
      }
    }
    return sends;
  }

  /** Whether any update waits. */
  public boolean pending() {
    return !waiting.isEmpty();
  }

  /** Whether an urgent update waits for any target. */
  public boolean holdsUrgent() {
    return targets.values().stream().anyMatch(TargetQueue::holdsUrgent);
  }

  /** Applies a changed budget of {@code target} to what it is sent from now on. */
  public void budgetChanged(String target) {
    targets.computeIfPresent(
        target, (t, old) -> old.withBudget(budgetOf.applyAsLong(t), nanoClock));
  }

  /** Forgets {@code target} and what waits for it (its interest lapsed). */
  public void forget(String target) {
    targets.remove(target);
    waiting.remove(target);
  }

  /** Counters per target. */
  public Map<String, TargetCounts> counts() {
    Map<String, TargetCounts> all = new java.util.TreeMap<>();
    targets.forEach(
        (t, q) -> {
          TargetQueue.Counters c = q.counters();
          synchronized (q) {
            all.put(
                t, new TargetCounts(c.offered, c.sent, c.bytes, c.dropped, c.degraded, q.budget()));
          }
        });
    return all;
  }

  private TargetQueue<P> queue(String target) {
    return targets.computeIfAbsent(
        target,
        t ->
            new TargetQueue<>(
                t, budgetOf.applyAsLong(t), nanoClock, new TargetQueue.Counters(), onDrop));
  }
}
