package io.swarmgrid.plugin.region.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The deliveries a writer has in flight to the target region, at most one per key: the next state
 * of a key waits until the previous one is acknowledged, since a change is judged (stamp) and then
 * written (value) in two calls that two deliveries of one key could interleave. Completions queue
 * themselves here and the writer's thread collects them; only that thread touches the map.
 */
final class DeliveryWindow {
  /** One delivery and its outcome (whether the target applied it, or why it failed). */
  record Done(Shipment shipment, boolean applied, Throwable failure, long nanos) {}

  private final Map<Object, Shipment> inFlight = new HashMap<>();
  private final LinkedBlockingQueue<Done> completed = new LinkedBlockingQueue<>();

  int size() {
    return inFlight.size();
  }

  boolean isEmpty() {
    return inFlight.isEmpty();
  }

  boolean holds(Object key) {
    return inFlight.containsKey(key);
  }

  void started(Shipment s, CompletableFuture<Boolean> result) {
    inFlight.put(s.key(), s);
    long sentAt = System.nanoTime();
    result.whenComplete(
        (applied, failure) ->
            completed.add(
                new Done(
                    s,
                    failure == null && Boolean.TRUE.equals(applied),
                    failure,
                    System.nanoTime() - sentAt)));
  }

  /** The deliveries completed since the last call (without waiting). */
  List<Done> collect() {
    List<Done> out = new ArrayList<>();
    completed.drainTo(out);
    out.forEach(d -> inFlight.remove(d.shipment().key()));
    return out;
  }

  /**
   * Waits up to {@code millis} for a delivery to complete, then collects as {@link #collect}.
   *
   * @throws InterruptedException when the writer's thread is interrupted (the job stops)
   */
  List<Done> await(long millis) throws InterruptedException {
    Done first = completed.poll(millis, TimeUnit.MILLISECONDS);
    List<Done> out = new ArrayList<>();
    if (first != null) {
      out.add(first);
      inFlight.remove(first.shipment().key());
    }
    out.addAll(collect());
    return out;
  }
}
