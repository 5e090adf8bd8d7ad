package io.swarmgrid.storage.messaging;

import com.hazelcast.collection.IQueue;
import com.hazelcast.collection.ItemEvent;
import com.hazelcast.collection.ItemListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.transaction.TransactionContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's inbox as its receiver sees it: the four per-priority queues of {@link Mailboxes},
 * drained Emergency → Low in batches of at most {@link #BATCH}, plus the older layout's priority
 * queue, polled one message at a time (never {@code drainTo}: Hazelcast 5.4's {@code drainTo} on a
 * comparator queue returns items out of order and leaves one behind) until it is empty and checked
 * again every second.
 *
 * <p>Item listeners without values tell the receiver which queues got something since it last
 * looked, so that an idle inbox costs no polling and a busy one drains only the classes that have
 * messages; every {@link #SWEEP_MILLIS} all four are drained regardless, in case an event was lost
 * with a member. Waiting for an event that does not come costs nothing either: it used to mark
 * every class, and an idle node drained three queues ten times a second (with 200 subscribers, more
 * grid calls than the deliveries they were waiting for).
 */
final class InboxQueues {
  /**
   * Messages taken per loop at most: a batch is handed over before higher classes are looked at.
   */
  static final int BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);

  /** Every class is drained this often even without an event (one lost with a member, say). */
  static final long SWEEP_MILLIS = 1_000;

  private static final long LEGACY_CHECK_MILLIS = 1_000;
  private static final Comparator<Message> BY_PRIORITY = Comparator.comparing(Message::priority);

  private final String nodeId;
  private final AtomicLong failedTakes;
  private final List<IQueue<Message>> queues = new ArrayList<>();
  private final IQueue<Message> legacy;
  private final List<AtomicBoolean> dirty = new ArrayList<>();
  private final Map<Priority, UUID> listeners = new EnumMap<>(Priority.class);
  private final Semaphore arrivals = new Semaphore(0);
  private long lastSweep;
  private long legacyCheckedAt;
  private boolean legacyPending = true;
  private boolean lastFull;
  private boolean emergencyElsewhere;

  InboxQueues(HazelcastInstance hz, String nodeId, AtomicLong failedTakes) {
    this.nodeId = nodeId;
    this.failedTakes = failedTakes;
    for (Priority p : Priority.values()) {
      queues.add(hz.getQueue(Mailboxes.inboxName(nodeId, p)));
      dirty.add(new AtomicBoolean(true));
    }
    this.legacy = hz.getQueue(Mailboxes.legacyInboxName(nodeId));
  }

  /**
   * From now on {@link #drain} leaves the Emergency queue to an {@link EmergencyReceiver} (its only
   * consumer, which keeps it FIFO); call before {@link #listen}.
   */
  void leaveEmergency() {
    emergencyElsewhere = true;
  }

  /** Starts listening for arrivals; call once, on the delivery thread, before the first take. */
  void listen() {
    for (Priority p : drained()) {
      AtomicBoolean flag = dirty.get(p.ordinal());
      listeners.put(
          p,
          queues
              .get(p.ordinal())
              .addItemListener(
                  new ItemListener<>() {
                    @Override
                    public void itemAdded(ItemEvent<Message> item) {
                      flag.set(true);
                      arrivals.release();
                    }

                    @Override
                    public void itemRemoved(ItemEvent<Message> item) {
                      // Only arrivals matter.
                    }
                  },
                  false));
    }
  }

  /** Stops listening; failures (a member shutting down) are only logged. */
  void unlisten() {
    for (Map.Entry<Priority, UUID> listener : listeners.entrySet()) {
      try {
        queues.get(listener.getKey().ordinal()).removeItemListener(listener.getValue());
      } catch (RuntimeException e) {
        LOG.debug("node {}: inbox listener not removed: {}", nodeId, e.toString());
      }
    }
    listeners.clear();
  }

  /**
   * Takes at most {@link #BATCH} messages, highest class first and FIFO within a class (messages of
   * the older layout before newer ones of their class); empty if there are none.
   */
  List<Message> drain() {
    arrivals.drainPermits();
    sweepIfDue();
    List<Message> batch = new ArrayList<>();
    try {
      pollLegacy(batch);
      for (Priority p : drained()) {
        int room = BATCH - batch.size();
        if (room <= 0) {
          break;
        }
        AtomicBoolean flag = dirty.get(p.ordinal());
        // Behind a backlog Emergency is looked at every loop: its latency then does not wait for
        // an event.
        if (!flag.getAndSet(false) && !(p == Priority.EMERGENCY && lastFull)) {
          continue;
        }
        if (queues.get(p.ordinal()).drainTo(batch, room) == room) {
          flag.set(true);
        }
      }
    } catch (RuntimeException e) {
      failedTakes.incrementAndGet();
      // Every class is looked at again next time, where a failure that lasts is thrown.
      markAll();
      if (batch.isEmpty()) {
        throw e;
      }
      // What the earlier classes gave up has left the grid: handing it over is the only way not
      // to lose it.
      LOG.debug("node {}: a take failed after {} messages: {}", nodeId, batch.size(), e.toString());
    }
    batch.sort(BY_PRIORITY);
    lastFull = batch.size() == BATCH;
    return batch;
  }

  /**
   * Takes the first message in {@code tx} (highest class first), or null: it leaves the inbox only
   * when {@code tx} commits.
   */
  Message poll(TransactionContext tx) {
    sweepIfDue();
    if (legacyPending) {
      Message m = tx.<Message>getQueue(legacy.getName()).poll();
      if (m != null) {
        return m;
      }
      legacyPending = false;
      legacyCheckedAt = System.currentTimeMillis();
    }
    for (Priority p : Priority.values()) {
      AtomicBoolean flag = dirty.get(p.ordinal());
      if (!flag.getAndSet(false)) {
        continue;
      }
      Message m = tx.<Message>getQueue(queues.get(p.ordinal()).getName()).poll();
      if (m != null) {
        flag.set(true);
        return m;
      }
    }
    if (System.currentTimeMillis() - legacyCheckedAt >= LEGACY_CHECK_MILLIS) {
      legacyPending = true;
    }
    return null;
  }

  /**
   * Whether a take may find something: an event or a due sweep marked a class, or the older layout
   * is due a look. An acknowledged take costs a transaction even when it finds nothing.
   */
  boolean mayHaveMessages() {
    sweepIfDue();
    if (legacyDue(System.currentTimeMillis())) {
      return true;
    }
    for (AtomicBoolean flag : dirty) {
      if (flag.get()) {
        return true;
      }
    }
    return false;
  }

  /** A take was rolled back: its message is back in some queue. */
  void rolledBack() {
    markAll();
  }

  /** Whether the last {@link #drain} took a whole batch: more is probably waiting. */
  boolean behind() {
    return lastFull;
  }

  /**
   * Waits until a message may have arrived, at most {@code millis}; a wait that ends without an
   * event marks nothing (the next {@link #drain} looks only where events or a due sweep say).
   */
  void awaitArrival(long millis) throws InterruptedException {
    arrivals.tryAcquire(millis, TimeUnit.MILLISECONDS);
  }

  /** Messages waiting, both layouts. */
  int size() {
    int n = legacy.size();
    for (IQueue<Message> q : queues) {
      n += q.size();
    }
    return n;
  }

  private List<Priority> drained() {
    List<Priority> all = List.of(Priority.values());
    return emergencyElsewhere ? all.subList(1, all.size()) : all;
  }

  private void pollLegacy(List<Message> batch) {
    long now = System.currentTimeMillis();
    if (!legacyDue(now)) {
      return;
    }
    legacyCheckedAt = now;
    while (batch.size() < BATCH) {
      Message m = legacy.poll();
      if (m == null) {
        legacyPending = false;
        return;
      }
      legacyPending = true;
      batch.add(m);
    }
  }

  /** Whether the older layout's queue is due a look: it had messages, or a while has passed. */
  private boolean legacyDue(long now) {
    return legacyPending || now - legacyCheckedAt >= LEGACY_CHECK_MILLIS;
  }

  private void sweepIfDue() {
    long now = System.currentTimeMillis();
    if (now - lastSweep >= SWEEP_MILLIS) {
      lastSweep = now;
      markAll();
    }
  }

  private void markAll() {
    for (AtomicBoolean flag : dirty) {
      flag.set(true);
    }
  }
}
