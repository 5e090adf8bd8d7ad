package io.swarmgrid.storage.propagation.internal;

import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.propagation.StateView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Puts each state's deliveries back in stream order at the subscriber, across senders. A state's
 * updates come from the member that owns its partition; when the partition moves (a member joins or
 * leaves), the next updates leave from the new owner while the old owner's last ones may still be
 * on their way, on another channel ({@link ChannelOrder} orders each channel, not the two). So a
 * delivery from another sender than the last one applied waits here, in seq order, while it needs
 * one that has not come:
 *
 * <ul>
 *   <li>a delta whose keyframe is newer than the one held (or none is held yet) waits for that
 *       keyframe, whatever the target's interest: applied before it, it would be skipped, and the
 *       state could stay behind once the source stops;
 *   <li>for a target that is sent every update (an urgent delivery), an update waits for the one
 *       the stream recorded just before it ({@link StateDelivery#follows}).
 * </ul>
 *
 * From the sender of the last update applied, nothing waits: its channel is in order, so a gap is
 * an update it dropped, replaced or lost (a budget too small for the urgent stream; an update
 * published urgent to a target whose other updates are replaced; a bundle refused). A delivery
 * never waits longer than {@link #WAIT_NANOS} (its sender may have died with what it waits for):
 * then it is applied as it is, or skipped as old. Not thread-safe: the subscriber calls it under
 * one lock.
 */
public final class StreamOrder {
  /** How long a delivery waits for the one it needs before it goes on without it. */
  public static final long WAIT_NANOS = 2_000_000_000L;

  private final LongSupplier nanoClock;
  private final Function<String, StateView> views;
  private final Consumer<StateDelivery> apply;
  private final Map<String, TreeMap<Long, Held>> held = new HashMap<>();
  // Per state, the sender of the last delivery that moved its view on.
  private final Map<String, String> lastSender = new HashMap<>();
  private long waited;
  private long waitsGivenUp;

  private record Held(StateDelivery delivery, boolean everyUpdate, String sender, long since) {}

  /**
   * Ordering on {@code nanoClock}, over the views {@code views} reads, handing deliveries that may
   * go to {@code apply} (which updates those views).
   */
  public StreamOrder(
      LongSupplier nanoClock, Function<String, StateView> views, Consumer<StateDelivery> apply) {
    this.nanoClock = nanoClock;
    this.views = views;
    this.apply = apply;
  }

  /**
   * Applies {@code d} now, or holds it (and what comes after it) until what it needs was applied.
   *
   * @param everyUpdate whether its target is sent every update of the state (urgent), so that a
   *     missing one is on its way rather than replaced
   * @param sender the node of the member that sent it (the message's sender)
   */
  public void accept(StateDelivery d, boolean everyUpdate, String sender) {
    TreeMap<Long, Held> waiting = held.get(d.stateId());
    long now = nanoClock.getAsLong();
    Held h = new Held(d, everyUpdate, sender, now);
    if (waiting == null && !waits(h)) {
      applyNow(h);
      return;
    }
    if (waiting == null) {
      waiting = new TreeMap<>();
      held.put(d.stateId(), waiting);
    }
    waiting.putIfAbsent(d.seq(), h);
    release(d.stateId(), waiting, now);
    if (waiting.get(d.seq()) == h) {
      waited++;
    }
  }

  /** Applies what waited too long (its sender is gone); call now and then. */
  public void releaseOverdue() {
    long now = nanoClock.getAsLong();
    for (Map.Entry<String, TreeMap<Long, Held>> e : new ArrayList<>(held.entrySet())) {
      release(e.getKey(), e.getValue(), now);
    }
  }

  /** Whether any delivery waits. */
  public boolean holding() {
    return !held.isEmpty();
  }

  /** Deliveries not applied when they came: they waited for one before them. */
  public long waited() {
    return waited;
  }

  /** Waits given up after {@link #WAIT_NANOS}: the delivery went on without what it needed. */
  public long waitsGivenUp() {
    return waitsGivenUp;
  }

  /** Applies, in seq order, the held deliveries of {@code stateId} that may go now. */
  private void release(String stateId, TreeMap<Long, Held> waiting, long now) {
    Iterator<Held> it = waiting.values().iterator();
    while (it.hasNext()) {
      Held h = it.next();
      if (waits(h)) {
        if (now - h.since() <= WAIT_NANOS) {
          break;
        }
        waitsGivenUp++;
      }
      it.remove();
      applyNow(h);
    }
    if (waiting.isEmpty()) {
      held.remove(stateId);
    }
  }

  /** Whether {@code d} is a delta on a keyframe newer than the one held (or none is held). */
  private static boolean needsKeyframe(StateDelivery d, StateView view) {
    return !d.keyframe() && (view == null || d.keyframeSeq() > view.keyframe().seq());
  }

  private void applyNow(Held h) {
    String stateId = h.delivery().stateId();
    StateView before = views.apply(stateId);
    apply.accept(h.delivery());
    StateView after = views.apply(stateId);
    if (after != null && (before == null || after.seq() != before.seq())) {
      lastSender.put(stateId, h.sender());
    }
  }

  /** Whether {@code h} needs an update the target has not applied yet. */
  private boolean waits(Held h) {
    StateDelivery d = h.delivery();
    StateView view = views.apply(d.stateId());
    if (view == null) {
      // Nothing held yet: a delta waits for its keyframe (joins start from one).
      return needsKeyframe(d, null);
    }
    if (d.seq() <= view.seq() || Objects.equals(h.sender(), lastSender.get(d.stateId()))) {
      // One sender's channel is in order: what it has not brought before this, it lost.
      return false;
    }
    return needsKeyframe(d, view) || (h.everyUpdate() && d.follows() > view.seq());
  }
}
