package io.swarmgrid.plugin.propagation.internal;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.swarmgrid.storage.messaging.Priority;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What waits for one target, and its byte budget. Per state, updates wait in sequence order; a
 * newer non-urgent delta replaces the waiting deltas (they are dropped), a newer non-urgent
 * keyframe replaces everything waiting; so a keyframe is only ever dropped for a later keyframe,
 * the latest update of every stream always stays until it is sent, and urgent updates are never
 * dropped.
 */
final class TargetQueue<P> {
  /** Budget refill period; the limit per period is a budget share that fits any 1 s window. */
  static final Duration PERIOD = Duration.ofMillis(100);

  /** Periods a 1 s window can touch: 10 whole ones and parts of one at each end, at most 11. */
  static final int PERIODS_PER_WINDOW = 11;

  /**
   * Urgent updates that may wait per state for a budgeted target before the oldest delta among them
   * is dropped (a budget too small for the urgent stream).
   */
  static final int URGENT_BACKLOG = 64;

  /**
   * The same for a target without budget, whose updates wait only for its batch in flight: above a
   * publish batch ({@code StatePublisher} sends up to 256 updates in one call, offered at once).
   */
  static final int UNLIMITED_URGENT_BACKLOG = 4096;

  private final String target;
  private final long budget;
  private final RateLimiter limiter;
  private final int limitPerPeriod;
  private final Map<String, Slot<P>> slots = new LinkedHashMap<>();
  private final Counters counters;
  private final DropListener<P> onDrop;

  /** Told of every update dropped (replaced by a later one, or too large for the budget). */
  interface DropListener<P> {
    void dropped(String target, Candidate<P> c);
  }

  /** What waits of one state, in sequence order. */
  private static final class Slot<P> {
    final ArrayDeque<Candidate<P>> items = new ArrayDeque<>();

    Candidate<P> head() {
      return items.peekFirst();
    }

    void remove(Candidate<P> c) {
      items.remove(c);
    }

    boolean empty() {
      return items.isEmpty();
    }
  }

  /** Counters of one target. */
  static final class Counters {
    long offered;
    long sent;
    long bytes;
    long dropped;
    long degraded;
  }

  TargetQueue(
      String target,
      long bytesPerSecond,
      LongSupplier nanoClock,
      Counters counters,
      DropListener<P> onDrop) {
    this.target = target;
    this.onDrop = onDrop;
    this.budget = bytesPerSecond;
    this.counters = counters;
    if (bytesPerSecond <= 0) {
      limiter = null;
      limitPerPeriod = Integer.MAX_VALUE;
    } else {
      // Any 1 s window overlaps at most 11 periods of 100 ms: 11 x (budget / 11) <= budget.
      limitPerPeriod =
          (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytesPerSecond / PERIODS_PER_WINDOW));
      limiter =
          new AtomicRateLimiter(
              "propagation-" + target,
              RateLimiterConfig.custom()
                  .limitRefreshPeriod(PERIOD)
                  .limitForPeriod(limitPerPeriod)
                  .timeoutDuration(Duration.ZERO)
                  .build(),
              nanoClock::getAsLong);
    }
  }

  long budget() {
    return budget;
  }

  Counters counters() {
    return counters;
  }

  /** The most bytes one delivery may have to ever fit this budget. */
  int limitPerPeriod() {
    return limitPerPeriod;
  }

  synchronized void offer(Candidate<P> c) {
    counters.offered++;
    Slot<P> slot = slots.computeIfAbsent(c.stateId(), id -> new Slot<>());
    Candidate<P> last = slot.items.peekLast();
    if (last != null && last.seq() >= c.seq()) {
      // A head sent again while a newer update of the state waits: the newer one is enough,
      // unless it is a keyframe and only deltas wait, which may need it (a node that declared
      // interest while a publish batch was offered gets the batch's delta first, then the head).
      if (c.keyframe() && slot.items.stream().noneMatch(w -> w.keyframe() && w.seq() >= c.seq())) {
        insertInOrder(slot, c);
      }
      return;
    }
    if (c.priority() != Priority.EMERGENCY) {
      // Replaced: every waiting delta, and the waiting keyframe too if this is a keyframe. Urgent
      // updates are never replaced: a critical target gets every one.
      Iterator<Candidate<P>> waiting = slot.items.iterator();
      while (waiting.hasNext()) {
        Candidate<P> w = waiting.next();
        if (w.priority() != Priority.EMERGENCY && (!w.keyframe() || c.keyframe())) {
          waiting.remove();
          drop(w);
        }
      }
    }
    slot.items.addLast(c);
    if (slot.items.size() > (limiter == null ? UNLIMITED_URGENT_BACKLOG : URGENT_BACKLOG)) {
      // A budget that cannot carry the urgent stream: its oldest waiting delta goes.
      Iterator<Candidate<P>> waiting = slot.items.iterator();
      while (waiting.hasNext()) {
        Candidate<P> w = waiting.next();
        if (!w.keyframe()) {
          waiting.remove();
          drop(w);
          break;
        }
      }
    }
  }

  /** Puts an older keyframe before the deltas that wait after it, keeping sequence order. */
  private static <P> void insertInOrder(Slot<P> slot, Candidate<P> c) {
    ArrayDeque<Candidate<P>> after = new ArrayDeque<>();
    while (!slot.items.isEmpty() && slot.items.peekLast().seq() > c.seq()) {
      after.addFirst(slot.items.pollLast());
    }
    if (slot.items.isEmpty() || slot.items.peekLast().seq() < c.seq()) {
      slot.items.addLast(c);
    }
    slot.items.addAll(after);
  }

  /** Counts {@code n} updates replaced by later ones of the same publish batch (never offered). */
  synchronized void replacedInBatch(int n) {
    counters.offered += n;
    counters.dropped += n;
  }

  /** A queue with budget {@code bytesPerSecond} that takes over this one's waiting updates. */
  synchronized TargetQueue<P> withBudget(long bytesPerSecond, LongSupplier nanoClock) {
    TargetQueue<P> fresh = new TargetQueue<>(target, bytesPerSecond, nanoClock, counters, onDrop);
    fresh.slots.putAll(slots);
    return fresh;
  }

  private void take(Map.Entry<String, Slot<P>> entry, Candidate<P> c) {
    entry.getValue().remove(c);
    if (entry.getValue().empty()) {
      slots.remove(entry.getKey());
    }
  }

  private void drop(Candidate<P> c) {
    counters.dropped++;
    onDrop.dropped(target, c);
  }

  synchronized boolean idle() {
    return slots.isEmpty();
  }

  /** Whether an urgent update waits. */
  synchronized boolean holdsUrgent() {
    return slots.values().stream()
        .anyMatch(s -> s.items.stream().anyMatch(c -> c.priority() == Priority.EMERGENCY));
  }

  /**
   * Takes what fits the budget now, urgent first, then by offer time. Stops at the first update
   * that does not fit, so nothing of a lower class overtakes it.
   */
  synchronized List<Send<P>> due(long nowNanos, DegradePolicy degrade) {
    List<Send<P>> sends = new ArrayList<>();
    while (!slots.isEmpty()) {
      Map.Entry<String, Slot<P>> first =
          slots.entrySet().stream()
              .min(
                  Comparator.comparing(
                          (Map.Entry<String, Slot<P>> e) -> e.getValue().head().priority())
                      .thenComparingLong(e -> e.getValue().head().offeredNanos()))
              .orElseThrow();
      Candidate<P> c = first.getValue().head();
      long waited = nowNanos - c.offeredNanos();
      int quality = degrade.quality(c, waited);
      // An update larger than a period's share can never fit at that quality: go lower.
      while (quality < c.levels() - 1 && c.sizes().get(quality) > limitPerPeriod) {
        quality++;
      }
      int bytes = c.sizes().get(quality);
      if (bytes > limitPerPeriod) {
        // Even the lowest quality can never fit: the budget is below the config's minimum for
        // this payload. Dropped and counted rather than blocking every later update.
        take(first, c);
        drop(c);
        continue;
      }
      if (limiter != null && !limiter.acquirePermission(bytes)) {
        break;
      }
      take(first, c);
      Send<P> s = new Send<>(target, c, quality, bytes, waited);
      counters.sent++;
      counters.bytes += bytes;
      if (s.degraded()) {
        counters.degraded++;
      }
      sends.add(s);
    }
    return sends;
  }
}
