package io.swarmgrid.storage.messaging;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a node's Emergency queue on its own thread, with a blocking poll parked on the queue's
 * owner, so that an Emergency message waits neither for the lower classes' batch being handed over
 * nor for the next drain of the inbox (issue 15: under a Low backlog that was the Emergency p99).
 * It is the queue's only consumer, so Emergency stays FIFO. What it took is handed to the handler
 * one message at a time with the delivery thread's messages (see {@link InboxDelivery}): by this
 * thread while the delivery thread waits for the grid, else by the delivery thread before its next
 * message.
 */
final class EmergencyReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);

  /** How long one poll stays parked: also the longest a close waits for this thread. */
  private static final long POLL_MILLIS = 250;

  private final HazelcastInstance hz;
  private final String nodeId;
  private final IQueue<Message> queue;
  private final InboxBytes inboxBytes;
  private final Runnable handOver;
  private final BooleanSupplier closed;
  private final ConcurrentLinkedQueue<Message> taken = new ConcurrentLinkedQueue<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private Thread thread;

  /**
   * @param handOver hands what was taken to the handler (through {@link #next}) unless a message is
   *     being handled, whose thread then does
   */
  EmergencyReceiver(
      HazelcastInstance hz,
      String nodeId,
      InboxBytes inboxBytes,
      Runnable handOver,
      BooleanSupplier closed) {
    this.hz = hz;
    this.nodeId = nodeId;
    this.queue = hz.getQueue(Mailboxes.inboxName(nodeId, Priority.EMERGENCY));
    this.inboxBytes = inboxBytes;
    this.handOver = handOver;
    this.closed = closed;
  }

  void start() {
    thread = SwarmThreads.factory("swarm-msg-emergency-" + nodeId).newThread(this::receiveLoop);
    thread.start();
  }

  /** Whether some Emergency message was taken and not handed over yet. */
  boolean hasTaken() {
    return !taken.isEmpty();
  }

  /** The oldest Emergency message taken and not yet handed over, or null. */
  Message next() {
    return taken.poll();
  }

  /**
   * Waits for the thread to end (at most one parked poll, once closed); what it took before is
   * still returned by {@link #next}, so that no message taken off the grid is left undelivered.
   */
  void join() {
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Waits (at most a few seconds) until this receiver saw its queue empty once: messages waiting
   * before delivery started go out Emergency first, as they would from one thread draining the
   * classes in order.
   */
  void awaitCaughtUp() throws InterruptedException {
    caughtUp.await(5, TimeUnit.SECONDS);
  }

  private void receiveLoop() {
    boolean mayHaveMore = true;
    try {
      while (!closed.getAsBoolean()) {
        mayHaveMore = receiveOnce(mayHaveMore);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (HazelcastInstanceNotActiveException e) {
      // The member is gone: so is delivery.
    } finally {
      caughtUp.countDown();
    }
  }

  /**
   * Drains what is waiting (after a message arrived there may be more behind it), else parks a
   * poll; returns whether the queue may hold more.
   */
  private boolean receiveOnce(boolean mayHaveMore) throws InterruptedException {
    try {
      List<Message> batch = new ArrayList<>();
      if (mayHaveMore && queue.drainTo(batch, InboxQueues.BATCH) < InboxQueues.BATCH) {
        caughtUp.countDown();
      }
      if (batch.isEmpty()) {
        Message m = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (m == null) {
          return false;
        }
        batch.add(m);
      }
      long bytes = 0;
      for (Message m : batch) {
        bytes += m.payload().length;
      }
      taken.addAll(batch);
      inboxBytes.release(nodeId, bytes);
      handOver.run();
      return true;
    } catch (HazelcastInstanceNotActiveException e) {
      throw e;
    } catch (RuntimeException e) {
      if (closed.getAsBoolean()) {
        return false;
      }
      if (!hz.getLifecycleService().isRunning()) {
        throw new HazelcastInstanceNotActiveException();
      }
      // A member left with the parked poll, say: poll again (on the queue's new owner) after a
      // pause, so that a failure that repeats at once does not spin.
      LOG.debug("node {}: emergency poll failed, retrying: {}", nodeId, e.toString());
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      return true;
    }
  }
}
