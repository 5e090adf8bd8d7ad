package io.swarmgrid.plugin.region.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A writer's changes on their way to the target: the newest state of each key waiting to be sent,
 * and the {@link DeliveryWindow} of those in flight. A state waits while the key's previous state
 * is in flight; failed deliveries are kept for the writer's retry. Used by the writer's thread
 * only.
 */
final class Deliveries {
  private final TargetRegion target;
  private final LinkStatus status;
  private final StageTimes stages;
  private final int maxInFlight;
  private final LinkedHashMap<Object, Shipment> waiting = new LinkedHashMap<>();
  private final DeliveryWindow window = new DeliveryWindow();
  private final List<Shipment> failed = new ArrayList<>();

  Deliveries(TargetRegion target, LinkStatus status, StageTimes stages, int maxInFlight) {
    this.target = target;
    this.status = status;
    this.stages = stages;
    this.maxInFlight = maxInFlight;
  }

  /** Keeps {@code s} as its key's next state (a state still waiting is replaced: coalesced). */
  void add(Shipment s) {
    waiting.remove(s.key());
    waiting.put(s.key(), s);
  }

  boolean idle() {
    return waiting.isEmpty() && window.isEmpty();
  }

  boolean inFlight() {
    return !window.isEmpty();
  }

  boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  int backlog() {
    return waiting.size() + window.size();
  }

  /** The stamp time of the state waiting longest, 0 if none. */
  long oldestWaiting() {
    return waiting.isEmpty() ? 0 : waiting.values().iterator().next().stamp().time();
  }

  /** The states waiting, for a batch delivery; {@link #sent} once the target took them. */
  Collection<Shipment> waiting() {
    return waiting.values();
  }

  void sent() {
    waiting.clear();
  }

  /**
   * Sends every waiting state whose key has nothing in flight, waiting for room while the window is
   * full; returns the first failure seen, or null.
   *
   * @throws InterruptedException when the writer's thread is interrupted
   */
  Throwable start(long roomWaitMillis) throws InterruptedException {
    Iterator<Shipment> it = waiting.values().iterator();
    while (it.hasNext()) {
      Shipment s = it.next();
      if (window.holds(s.key())) {
        continue; // its previous state is still in flight
      }
      while (window.size() >= maxInFlight) {
        Throwable failure = settle(window.await(roomWaitMillis));
        if (failure != null) {
          return failure;
        }
      }
      window.started(s, target.sendOne(s));
      it.remove();
    }
    return null;
  }

  /** Counts the deliveries completed so far; the first failure among them, or null. */
  Throwable collect() {
    return settle(window.collect());
  }

  /** As {@link #collect}, waiting up to {@code millis} for one to complete. */
  Throwable await(long millis) throws InterruptedException {
    return settle(window.await(millis));
  }

  /** Puts the failed deliveries back among the waiting states, unless a newer state waits. */
  void requeueFailed() {
    failed.forEach(s -> waiting.putIfAbsent(s.key(), s));
    failed.clear();
  }

  private Throwable settle(List<DeliveryWindow.Done> done) {
    if (done.isEmpty()) {
      return null;
    }
    long now = System.currentTimeMillis();
    Throwable failure = null;
    int applied = 0;
    int delivered = 0;
    for (DeliveryWindow.Done d : done) {
      if (d.failure() != null) {
        failure = failure == null ? d.failure() : failure;
        failed.add(d.shipment());
        continue;
      }
      delivered++;
      stages.delivered(d.nanos());
      applied += d.applied() ? 1 : 0;
      status.lag(d.shipment().stamp().time(), now);
    }
    if (delivered > 0) {
      status.counted(applied, delivered - applied, delivered);
    }
    return failure;
  }
}
