package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.MessageRejectedException;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.ChannelMark;
import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes the scheduler's decisions and puts them in their target's inbox: the deliveries decided for
 * a target at once, in order, travel as one message per priority class ({@link
 * StateDelivery#bundle}, {@code STATE_SYNC} if it holds a keyframe, else {@code DELTA_SYNC}), so a
 * target costs one inbox offer per decision round rather than one per update. A target gets one
 * bulk batch at a time on the send threads (a few at a time: bulk cannot crowd the grid), so its
 * deliveries stay in order and the rest waits in the scheduler. A batch holding an urgent update is
 * offered asynchronously ({@link Mailbox#sendAsync}) straight from the decision loop, on an ordered
 * channel with up to {@link #WINDOW} bundles in flight per target: no thread waits on a grid round
 * trip, and a target's next urgent batch does not wait for its last one's (a bench run had urgent
 * updates wait 8 s p99 behind 4 urgent send threads, and prop5's full run 1.8 s with one bundle in
 * flight per target). An inbox that is full takes the updates back to the scheduler, where later
 * ones may replace them.
 */
public final class Fanout implements AutoCloseable {
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long WAITING_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long DRAIN_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  /**
   * Bundles one target may have in flight on the asynchronous path. One at a time capped a critical
   * target at one inbox message (at most {@code messaging.max-payload-bytes}) per grid round trip,
   * and its updates fell behind whenever round trips grew (the urgent tail of branch prop5).
   */
  static final int WINDOW = 16;

  private final BudgetScheduler<Outgoing> scheduler;
  private final Mailbox sender;
  private final PropagationMetrics metrics;
  private final ExecutorService[] senders;
  // Runs what follows an urgent bundle's offer (metrics, the next bundle): never on Hazelcast's
  // partition or response threads, which complete the offer.
  private final ExecutorService completions;
  private final int maxBundleBytes;
  private final String name;
  private volatile boolean running = true;
  private volatile Thread loop;
  // Targets with a batch being sent: at most one per target, so what is not yet sent waits in the
  // scheduler, where a later update replaces it, instead of in an executor's queue (a bench run
  // saw urgent updates wait 89 s behind such queues).
  private final Set<String> busy = ConcurrentHashMap.newKeySet();
  private final SendWindow window = new SendWindow(WINDOW);

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
    for (int i = 0; i < threads; i++) {
      senders[i] = SwarmThreads.pool(name + "-send-" + i, 1);
    }
    this.completions = SwarmThreads.pool(name + "-urgent", 1);
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
        List<Send<Outgoing>> due = scheduler.due(t -> !busy.contains(t) && window.open(t));
        Map<String, List<Send<Outgoing>>> byTarget = new LinkedHashMap<>();
        for (Send<Outgoing> s : due) {
          byTarget.computeIfAbsent(s.target(), t -> new ArrayList<>()).add(s);
        }
        byTarget.forEach(
            (target, batch) -> {
              boolean urgent =
                  batch.stream().anyMatch(b -> b.candidate().priority() == Priority.EMERGENCY);
              if (urgent || !window.idle(target)) {
                // Behind bundles in flight, a bulk batch takes the ordered channel too.
                sendWindowed(target, Bundles.splitMarked(batch, maxBundleBytes));
              } else {
                busy.add(target);
                senders[Math.floorMod(target.hashCode(), senders.length)].execute(
                    () -> sendAll(target, batch));
              }
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

  /**
   * Sends a batch's bundles without holding a thread and without waiting for one another: each
   * takes the next place of its target's ordered channel ({@link SendWindow}), the subscriber puts
   * them back in that order, and the target takes its next batch while up to {@link #WINDOW}
   * bundles are in flight. Its new urgent updates do not wait for a round trip.
   */
  private void sendWindowed(String target, List<List<Send<Outgoing>>> bundles) {
    for (List<Send<Outgoing>> bundle : bundles) {
      if (!running) {
        return;
      }
      Priority priority = priorityOf(bundle);
      ChannelMark mark = window.take(target, priority);
      long start = System.nanoTime();
      CompletableFuture<String> sent;
      try {
        sent = sender.sendAsync(target, typeOf(bundle), priority, payloadOf(mark, bundle));
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      sent.whenCompleteAsync(
          (id, e) -> {
            window.done(target, priority, mark);
            if (e == null) {
              sent(bundle, start);
            } else {
              failed(target, bundle, e instanceof CompletionException ? e.getCause() : e);
            }
            wake();
          },
          completions);
    }
  }

  private void send(String target, List<Send<Outgoing>> bundle) {
    long start = System.nanoTime();
    try {
      sender.send(target, typeOf(bundle), priorityOf(bundle), payloadOf(null, bundle));
      sent(bundle, start);
    } catch (RuntimeException e) {
      failed(target, bundle, e);
    }
  }

  private static MessageType typeOf(List<Send<Outgoing>> bundle) {
    boolean keyframe = bundle.stream().anyMatch(s -> s.candidate().payload().update().keyframe());
    return keyframe ? MessageType.STATE_SYNC : MessageType.DELTA_SYNC;
  }

  private static Priority priorityOf(List<Send<Outgoing>> bundle) {
    return bundle.get(0).candidate().priority();
  }

  private static byte[] payloadOf(ChannelMark mark, List<Send<Outgoing>> bundle) {
    List<byte[]> encoded = new ArrayList<>(bundle.size());
    for (Send<Outgoing> s : bundle) {
      encoded.add(s.candidate().payload().encoded().get(s.quality()));
    }
    return mark == null ? StateDelivery.bundle(encoded) : StateDelivery.bundle(mark, encoded);
  }

  private void sent(List<Send<Outgoing>> bundle, long startNanos) {
    long now = System.currentTimeMillis();
    metrics.bundleSent(System.nanoTime() - startNanos);
    metrics.sent(bundle, now);
  }

  /** A full inbox takes the updates back to the scheduler; anything else is reported. */
  private void failed(String target, List<Send<Outgoing>> bundle, Throwable e) {
    bundle.forEach(s -> metrics.failed());
    if (e instanceof MessageRejectedException
        && e.getMessage() != null
        && e.getMessage().contains("full inbox")) {
      if (running) {
        bundle.forEach(s -> scheduler.offer(target, s.candidate()));
      }
    } else if (running) {
      BackgroundFailures.report(name, "delivery to " + target, e);
    }
  }

  /**
   * Keeps sending until no urgent update waits and no bundle is in flight or being sent, at most
   * until {@code deadlineNanos} ({@link System#nanoTime}); whether it got there. Updates under a
   * budget may still wait: a delta of theirs may be dropped anyway, and the state's next owner
   * sends every interested node the head once this member has left.
   */
  public boolean drain(long deadlineNanos) {
    wake();
    while (scheduler.holdsUrgent() || !busy.isEmpty() || !window.empty()) {
      if (System.nanoTime() >= deadlineNanos) {
        return false;
      }
      LockSupport.parkNanos(DRAIN_CHECK_NANOS);
    }
    return true;
  }

  @Override
  public void close() {
    running = false;
    wake();
    for (ExecutorService s : senders) {
      s.shutdownNow();
    }
    completions.shutdownNow();
  }
}
