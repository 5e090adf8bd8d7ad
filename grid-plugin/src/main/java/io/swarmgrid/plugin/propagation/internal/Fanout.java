package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.MessageRejectedException;
import io.swarmgrid.storage.messaging.MessageType;
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
 * Takes the scheduler's decisions and puts each delivery in its target's inbox (a keyframe as
 * {@code STATE_SYNC}, a delta as {@code DELTA_SYNC}, in the class the scheduler chose). A target
 * gets one batch at a time, on one send thread, so its deliveries stay in order and the rest waits
 * in the scheduler; an inbox that is full takes the update back to the scheduler, where a later one
 * may replace it.
 */
public final class Fanout implements AutoCloseable {
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long WAITING_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final BudgetScheduler<Outgoing> scheduler;
  private final Mailbox sender;
  private final PropagationMetrics metrics;
  private final ExecutorService[] senders;
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
      String name) {
    this.scheduler = scheduler;
    this.sender = sender;
    this.metrics = metrics;
    this.name = name;
    this.senders = new ExecutorService[threads];
    for (int i = 0; i < threads; i++) {
      senders[i] = SwarmThreads.pool(name + "-send-" + i, 1);
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
              senders[Math.floorMod(target.hashCode(), senders.length)].execute(
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
      batch.forEach(this::send);
    } finally {
      busy.remove(target);
      wake();
    }
  }

  private void send(Send<Outgoing> s) {
    Outgoing o = s.candidate().payload();
    try {
      sender.send(
          s.target(),
          o.update().keyframe() ? MessageType.STATE_SYNC : MessageType.DELTA_SYNC,
          s.candidate().priority(),
          o.encoded().get(s.quality()));
      metrics.sent(s, System.currentTimeMillis() - o.update().publishedAt());
    } catch (MessageRejectedException e) {
      metrics.failed();
      if (running && e.getMessage() != null && e.getMessage().contains("full inbox")) {
        scheduler.offer(s.target(), s.candidate());
      }
    } catch (RuntimeException e) {
      metrics.failed();
      if (running) {
        BackgroundFailures.report(name, "delivery to " + s.target(), e);
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
  }
}
