package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Orders a state's publish calls on its owner when a source has several under way: a call names the
 * last seq of the call before it ({@code after}) and waits its turn until that call was taken here
 * (recorded and offered, or refused). The wait is bounded: a call lost on the way (its member left)
 * must not stop the stream, and the head's sequence check still refuses an update that comes too
 * late. A state this member has not seen since it took it over starts from its head's seq.
 */
public final class PublishTurns {
  /** The longest a call waits for the one before it. */
  public static final long TURN_WAIT_MILLIS = 2_000;

  private final Map<String, Long> taken = new HashMap<>();
  private final ToLongFunction<String> headSeq;
  private final long waitNanos;

  /** Turns whose unknown states start from {@code headSeq} (0 for a state without a stream). */
  public PublishTurns(ToLongFunction<String> headSeq) {
    this(headSeq, TimeUnit.MILLISECONDS.toNanos(TURN_WAIT_MILLIS));
  }

  PublishTurns(ToLongFunction<String> headSeq, long waitNanos) {
    this.headSeq = headSeq;
    this.waitNanos = waitNanos;
  }

  /**
   * Waits until the call of {@code stateId} ending at {@code after} was taken (or the bounded wait
   * is over); returns whether it was.
   */
  public boolean await(String stateId, long after) throws InterruptedException {
    if (after <= 0) {
      return true;
    }
    long deadline = System.nanoTime() + waitNanos;
    synchronized (this) {
      if (!taken.containsKey(stateId)) {
        taken.put(stateId, headSeq.applyAsLong(stateId));
      }
      while (taken.get(stateId) < after) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }

  /**
   * Waits for the turn of the call {@code updates} (of the state of its first update, following the
   * call that ended at {@code after}); a wait that ran out is reported, and the call goes on.
   */
  public void await(List<StateUpdate> updates, long after) {
    String stateId = updates.get(0).stateId();
    try {
      if (!await(stateId, after)) {
        BackgroundFailures.report(
            "propagation publish",
            new IllegalStateException(
                "the call of " + stateId + " ending at seq " + after + " did not come in time"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The call {@code updates} was taken: the next call of its state may go. */
  public void taken(List<StateUpdate> updates) {
    String stateId = updates.get(0).stateId();
    taken(
        stateId,
        updates.stream()
            .filter(u -> u.stateId().equals(stateId))
            .mapToLong(StateUpdate::seq)
            .max()
            .orElse(0));
  }

  /** The call of {@code stateId} ending at {@code lastSeq} was taken: the next one may go. */
  public synchronized void taken(String stateId, long lastSeq) {
    taken.merge(stateId, lastSeq, Math::max);
    notifyAll();
  }
}
