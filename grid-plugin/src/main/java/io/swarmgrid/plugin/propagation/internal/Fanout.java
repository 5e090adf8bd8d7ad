package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.MessageRejectedException;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes the scheduler's decisions and puts them in their target's inbox: the deliveries decided for
 * a target at once, in order, travel as one message per priority class ({@link
 * StateDelivery#bundle}, {@code STATE_SYNC} if it holds a keyframe, else {@code DELTA_SYNC}), so a
 * target costs one inbox offer per decision round rather than one per update. A target gets one
 * batch at a time, on one send thread, so its deliveries stay in order and the rest waits in the
 * scheduler; a batch holding an urgent update goes on the urgent send threads, so it never queues
 * behind other targets' bulk batches. An inbox that is full takes the updates back to the
 * scheduler, where later ones may replace them.
 */
public final class Fanout implements AutoCloseable {
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long WAITING_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final BudgetScheduler<Outgoing> scheduler;
  private final Mailbox sender;
  private final PropagationMetrics metrics;
  private final ExecutorService[] senders;
  private final ExecutorService[] urgentSenders;
  private final int maxBundleBytes;
  private final String name;
  private volatile boolean running = true;
  private volatile Thread loop;
  // Targets with a batch being sent: at most one per target, so what is not yet sent waits in the
  // scheduler, where a later update replaces it, instead of in an executor's queue (a bench run
  // saw urgent updates wait 89 s behind such queues).
  private final Set<String> busy = ConcurrentHashMap.newKeySet();

  /** A fan-out with {@code threads} send threads. */
  public Fanout(
      BudgetScheduler<Outgoing> scheduler,
      Mailbox sender,
      PropagationMetrics metrics,
      int threads,
      int maxBundleBytes,
      String name) {
    this.scheduler = scheduler;
    this.sender = sender;
    this.metrics = metrics;
    this.name = name;
    this.maxBundleBytes = maxBundleBytes;
    this.senders = new ExecutorService[threads];
    this.urgentSenders = new ExecutorService[threads];
    for (int i = 0; i < threads; i++) {
      senders[i] = SwarmThreads.pool(name + "-send-" + i, 1);
      urgentSenders[i] = SwarmThreads.pool(name + "-urgent-" + i, 1);
    }
  }

  /** Starts the decision loop. */
  public void start() {
    loop = SwarmThreads.start(name, this::run);
  }

  /** Wakes the loop: something was offered. */
  public void wake() {
    Thread t = loop;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  private void run() {
    while (running) {
      try {
        List<Send<Outgoing>> due = scheduler.due(t -> !busy.contains(t));
        Map<String, List<Send<Outgoing>>> byTarget = new LinkedHashMap<>();
        for (Send<Outgoing> s : due) {
          byTarget.computeIfAbsent(s.target(), t -> new ArrayList<>()).add(s);
        }
        byTarget.forEach(
            (target, batch) -> {
              busy.add(target);
              boolean urgent =
                  batch.stream().anyMatch(b -> b.candidate().priority() == Priority.EMERGENCY);
              ExecutorService[] pool = urgent ? urgentSenders : senders;
              pool[Math.floorMod(target.hashCode(), pool.length)].execute(
                  () -> sendAll(target, batch));
            });
        if (due.isEmpty()) {
          LockSupport.parkNanos(scheduler.pending() ? WAITING_NANOS : IDLE_NANOS);
        }
      } catch (RuntimeException e) {
        BackgroundFailures.report(name, e);
      }
    }
  }

  private void sendAll(String target, List<Send<Outgoing>> batch) {
    try {
      for (List<Send<Outgoing>> bundle : Bundles.split(batch, maxBundleBytes)) {
        send(target, bundle);
      }
    } finally {
      busy.remove(target);
      wake();
    }
  }

  private void send(String target, List<Send<Outgoing>> bundle) {
    List<byte[]> encoded = new ArrayList<>(bundle.size());
    boolean keyframe = false;
    for (Send<Outgoing> s : bundle) {
      Outgoing o = s.candidate().payload();
      encoded.add(o.encoded().get(s.quality()));
      keyframe |= o.update().keyframe();
    }
    long start = System.nanoTime();
    try {
      sender.send(
          target,
          keyframe ? MessageType.STATE_SYNC : MessageType.DELTA_SYNC,
          bundle.get(0).candidate().priority(),
          StateDelivery.bundle(encoded));
      long now = System.currentTimeMillis();
      metrics.bundleSent(System.nanoTime() - start);
      for (Send<Outgoing> s : bundle) {
        metrics.sent(s, now - s.candidate().payload().update().publishedAt());
      }
    } catch (MessageRejectedException e) {
      bundle.forEach(s -> metrics.failed());
      if (running && e.getMessage() != null && e.getMessage().contains("full inbox")) {
        bundle.forEach(s -> scheduler.offer(target, s.candidate()));
      }
    } catch (RuntimeException e) {
      bundle.forEach(s -> metrics.failed());
      if (running) {
        BackgroundFailures.report(name, "delivery to " + target, e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    wake();
    for (ExecutorService s : senders) {
      s.shutdownNow();
    }
    for (ExecutorService s : urgentSenders) {
      s.shutdownNow();
    }
  }
}
