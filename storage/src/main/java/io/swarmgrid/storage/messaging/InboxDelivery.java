package io.swarmgrid.storage.messaging;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of a {@link Messenger}: one delivery thread takes this node's inbox (in
 * batches from {@link InboxQueues}, or in a transaction per take when acknowledged) and an {@link
 * EmergencyReceiver} its Emergency queue; each message goes to the handler under one lock, so one
 * at a time and in order within a class. Drops expired and already-seen messages, answers pings,
 * hands responses to {@link Requests} and everything else to the handler, in order.
 */
final class InboxDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);

  private final HazelcastInstance hz;
  private final String nodeId;
  private static final long IDLE_WAIT_MILLIS = 100;

  private final InboxQueues inbox;
  private final EmergencyReceiver emergency;
  private final Outbox outbox;
  private final MessagingCounters counters;
  private final InboxBytes inboxBytes;
  private final BooleanSupplier closed;
  private final SeenIds seen;
  private final AtomicReference<Thread> deliveryThread = new AtomicReference<>();
  // One message at a time to the handler, from the delivery thread or the Emergency receiver's.
  private final ReentrantLock handing = new ReentrantLock();
  private Requests requests;
  private volatile Consumer<Message> handler;
  private volatile Consumer<Message> pongListener = m -> {};
  private volatile boolean acknowledged;

  InboxDelivery(
      HazelcastInstance hz,
      String nodeId,
      int dedupWindow,
      Outbox outbox,
      MessagingCounters counters,
      InboxBytes inboxBytes,
      BooleanSupplier closed) {
    this.hz = hz;
    this.nodeId = nodeId;
    this.inbox = new InboxQueues(hz, nodeId, counters.failedTakes);
    this.emergency =
        new EmergencyReceiver(hz, nodeId, inboxBytes, this::deliverEmergencies, closed);
    this.outbox = outbox;
    this.counters = counters;
    this.inboxBytes = inboxBytes;
    this.closed = closed;
    this.seen = new SeenIds(dedupWindow);
  }

  /** The requests whose responses this delivery completes; set once, before {@link #start}. */
  void requests(Requests requests) {
    this.requests = requests;
  }

  /** Makes every later take a transaction committed once the handler returned. */
  void acknowledge() {
    this.acknowledged = true;
  }

  /** Starts the delivery thread; the caller checked that there is no handler yet. */
  void start(Consumer<Message> handler) {
    this.handler = handler;
    if (!acknowledged) {
      // An acknowledged take is a transaction per message on one thread; the receiver is for the
      // batched path, where Emergency would otherwise wait behind a lower class's batch.
      inbox.leaveEmergency();
      emergency.start();
    }
    Thread t = SwarmThreads.factory("swarm-msg-" + nodeId).newThread(this::deliverLoop);
    deliveryThread.set(t);
    t.start();
  }

  boolean subscribed() {
    return handler != null;
  }

  void onPong(Consumer<Message> listener) {
    this.pongListener = Objects.requireNonNull(listener, "listener");
  }

  int queued() {
    return inbox.size();
  }

  /** Waits for the delivery thread (the message being handled finishes first); call once closed. */
  void stop() {
    Thread t = deliveryThread.getAndSet(null);
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void deliverLoop() {
    try {
      inbox.listen();
    } catch (HazelcastInstanceNotActiveException e) {
      return;
    }
    try {
      if (!acknowledged) {
        emergency.awaitCaughtUp();
      }
      while (!closed.getAsBoolean()) {
        if (!deliverOnce()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inbox.unlisten();
      // The Emergency messages the receiver took off the grid still reach the handler.
      emergency.join();
      deliverEmergencies();
    }
  }

  /**
   * Hands over the Emergency messages taken so far, unless a message is being handled: the thread
   * handling it calls this again once done, and sees what was taken meanwhile (the taker adds
   * before it tries the lock), so nothing waits for another batch.
   */
  private void deliverEmergencies() {
    while (emergency.hasTaken() && handing.tryLock()) {
      try {
        for (Message m = emergency.next(); m != null; m = emergency.next()) {
          deliver(m);
        }
      } finally {
        handing.unlock();
      }
    }
  }

  /** One batch (or one acknowledged take); false when delivery must end. */
  private boolean deliverOnce() {
    try {
      if (acknowledged) {
        deliverAcknowledged();
        return true;
      }
      deliverEmergencies();
      List<Message> batch = inbox.drain();
      if (batch.isEmpty()) {
        inboxBytes.emptied(nodeId);
        inbox.awaitArrival(IDLE_WAIT_MILLIS);
        return true;
      }
      long bytes = 0;
      for (Message m : batch) {
        bytes += m.payload().length;
      }
      inboxBytes.release(nodeId, bytes);
      for (Message m : batch) {
        deliverEmergencies();
        handing.lock();
        try {
          deliver(m);
        } finally {
          handing.unlock();
        }
      }
      deliverEmergencies();
      if (!inbox.behind()) {
        // The inbox was drained: look again once something arrived (at once if it already did),
        // not in a loop of near-empty drains that would take the senders' CPU.
        inbox.awaitArrival(IDLE_WAIT_MILLIS);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (HazelcastInstanceNotActiveException e) {
      return false;
    } catch (RuntimeException e) {
      if (closed.getAsBoolean() || !hz.getLifecycleService().isRunning()) {
        return false;
      }
      if (acknowledged) {
        LOG.debug(
            "node {}: a delivery was rolled back, the message stays: {}", nodeId, e.toString());
      } else {
        BackgroundFailures.report("messaging.inbox", e);
      }
      return true;
    }
  }

  private void deliver(Message m) {
    if (m.expiredAt(System.currentTimeMillis())) {
      counters.missedDeadlines.incrementAndGet();
      if (!m.correlationId().isEmpty()
          && m.type() != MessageType.RESPONSE
          && m.type() != MessageType.DEADLINE_MISSED) {
        try {
          byte[] sentAt = Long.toString(m.sentAtMicros()).getBytes(StandardCharsets.UTF_8);
          outbox.offer(m.sender(), Replies.to(m, nodeId, MessageType.DEADLINE_MISSED, sentAt));
        } catch (RuntimeException e) {
          LOG.debug(
              "node {}: could not tell {} that {} expired: {}",
              nodeId,
              m.sender(),
              m.id(),
              e.toString());
        }
      }
      return;
    }
    if (!seen.firstTime(m.id())) {
      counters.duplicates.incrementAndGet();
      return;
    }
    counters.latency(m.priority(), Outbox.nowMicros() - m.sentAtMicros());
    counters.delivered.incrementAndGet();
    switch (m.type()) {
      case PING -> {
        try {
          outbox.offer(m.sender(), Replies.to(m, nodeId, MessageType.PONG, new byte[0]));
        } catch (RuntimeException e) {
          LOG.debug("node {}: could not answer ping from {}: {}", nodeId, m.sender(), e.toString());
        }
        return;
      }
      case PONG -> {
        pongListener.accept(m);
        return;
      }
      case RESPONSE, DEADLINE_MISSED -> {
        if (requests.consume(m)) {
          return;
        }
      }
      default -> {
        // to the handler
      }
    }
    if (acknowledged) {
      // The caller rolls the take back: the message stays in the inbox.
      handler.accept(m);
      return;
    }
    try {
      handler.accept(m);
    } catch (RuntimeException e) {
      BackgroundFailures.report("messaging.handler", "node " + nodeId + ", message " + m, e);
    }
  }

  /**
   * One take in a transaction that commits once the message was handled: if the handler throws, or
   * this process dies before the commit, Hazelcast rolls the take back and the message stays in the
   * inbox (at least once; the receiver de-duplicates by id).
   */
  private void deliverAcknowledged() throws InterruptedException {
    if (!inbox.mayHaveMessages()) {
      inbox.awaitArrival(IDLE_WAIT_MILLIS);
      return;
    }
    TransactionContext tx =
        hz.newTransactionContext(new TransactionOptions().setTimeout(60, TimeUnit.SECONDS));
    tx.beginTransaction();
    Message m = null;
    try {
      m = inbox.poll(tx);
      if (m != null) {
        deliver(m);
      }
      tx.commitTransaction();
    } catch (RuntimeException e) {
      tx.rollbackTransaction();
      inbox.rolledBack();
      if (m != null) {
        seen.forget(m.id());
      }
      throw e;
    }
    if (m == null) {
      inboxBytes.emptied(nodeId);
      inbox.awaitArrival(IDLE_WAIT_MILLIS);
    } else {
      inboxBytes.release(nodeId, m.payload().length);
    }
  }
}
