package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Orders a state's publish calls on its owner when a source has several under way: a call names the
 * last seq of the call before it ({@code after}) and waits its turn until that call was taken here
 * (recorded and offered, or refused). The wait is bounded: a call lost on the way (its member left)
 * must not stop the stream, and the head's sequence check still refuses an update that comes too
 * late. A state this member has not seen since it took it over starts from its head's seq, and so
 * does a state whose calls stopped for {@link #IDLE_NANOS}: its turn is let go (nothing waits for
 * it), so a member does not keep one per state it ever owned.
 */
public final class PublishTurns {
  /** The longest a call waits for the one before it. */
  public static final long TURN_WAIT_MILLIS = 2_000;

  /** How long a state's turn is kept without a call. */
  static final long IDLE_NANOS = 30_000_000_000L;

  private final Map<String, Turn> turns = new HashMap<>();
  private final ToLongFunction<String> headSeq;
  private final long waitNanos;
  private final LongSupplier nanoClock;

  /** Where a state's calls stand: the last seq taken, the calls waiting, the last use. */
  private static final class Turn {
    long taken;
    int waiting;
    long usedAt;

    Turn(long taken, long usedAt) {
      this.taken = taken;
      this.usedAt = usedAt;
    }
  }

  /** Turns whose unknown states start from {@code headSeq} (0 for a state without a stream). */
  public PublishTurns(ToLongFunction<String> headSeq) {
    this(headSeq, TimeUnit.MILLISECONDS.toNanos(TURN_WAIT_MILLIS));
  }

  PublishTurns(ToLongFunction<String> headSeq, long waitNanos) {
    this(headSeq, waitNanos, System::nanoTime);
  }

  PublishTurns(ToLongFunction<String> headSeq, long waitNanos, LongSupplier nanoClock) {
    this.headSeq = headSeq;
    this.waitNanos = waitNanos;
    this.nanoClock = nanoClock;
  }

  /**
   * Waits until the call of {@code stateId} ending at {@code after} was taken (or the bounded wait
   * is over); returns whether it was.
   */
  public boolean await(String stateId, long after) throws InterruptedException {
    long deadline = System.nanoTime() + waitNanos;
    synchronized (this) {
      // Even a call that follows none takes the state's turn before it records: a call that comes
      // while this one is being taken then starts from the head as it was, not from this call's
      // head write (it would go first and offer its updates before this one's).
      Turn turn = turn(stateId);
      if (after <= 0) {
        turn.usedAt = nanoClock.getAsLong();
        return true;
      }
      turn.waiting++;
      try {
        while (turn.taken < after) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
      } finally {
        turn.waiting--;
        turn.usedAt = nanoClock.getAsLong();
      }
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
    Turn turn = turns.get(stateId);
    if (turn == null) {
      turns.put(stateId, new Turn(lastSeq, nanoClock.getAsLong()));
    } else {
      turn.taken = Math.max(turn.taken, lastSeq);
      turn.usedAt = nanoClock.getAsLong();
    }
    notifyAll();
  }

  /** Lets go of the turns of states without a call for {@link #IDLE_NANOS} (none waits). */
  public synchronized void forgetIdle() {
    long now = nanoClock.getAsLong();
    turns.values().removeIf(t -> t.waiting == 0 && now - t.usedAt > IDLE_NANOS);
  }

  /** How many calls of {@code stateId} wait for their turn. */
  synchronized int waitingFor(String stateId) {
    Turn turn = turns.get(stateId);
    return turn == null ? 0 : turn.waiting;
  }

  /** How many states' turns are kept. */
  synchronized int size() {
    return turns.size();
  }

  private Turn turn(String stateId) {
    return turns.computeIfAbsent(
        stateId, id -> new Turn(headSeq.applyAsLong(id), nanoClock.getAsLong()));
  }
}
