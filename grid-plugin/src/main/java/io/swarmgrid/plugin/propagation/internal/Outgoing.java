package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.AbstractList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An update ready to fan out: its delivery encoded once per quality level, shared by every target,
 * and only when a target is sent (or weighs) that level. Most updates of a publish batch go only to
 * urgent targets at full quality (a later update of the batch replaces them for the others), so
 * encoding every level up front was mostly wasted (CBOR was about 7% of the bench's CPU).
 */
public final class Outgoing {
  private final StateUpdate update;
  private final long follows;
  private final byte[][] encodings;
  private final List<byte[]> encoded = new Levels<>(this::encoding);
  private final List<Integer> sizes = new Levels<>(q -> encoding(q).length);

  private Outgoing(StateUpdate update, long follows) {
    this.update = update;
    this.follows = follows;
    this.encodings = new byte[update.qualities().size()][];
  }

  /**
   * {@code update}, to be encoded at each of its quality levels when needed; a target waits for
   * nothing before it (a head sent again).
   */
  public static Outgoing of(StateUpdate update) {
    return new Outgoing(update, 0);
  }

  /**
   * As {@link #of(StateUpdate)}, recorded right after update {@code follows} of its stream (0: the
   * stream's first): a target sent every update waits for that one first ({@link
   * StateDelivery#follows}).
   */
  public static Outgoing of(StateUpdate update, long follows) {
    return new Outgoing(update, follows);
  }

  /** The checked update. */
  public StateUpdate update() {
    return update;
  }

  /** The message payload at each quality level, full first (each encoded on first use). */
  public List<byte[]> encoded() {
    return encoded;
  }

  /**
   * Bytes counted against budgets at each quality level: the encoded delivery's, so a bundle (its
   * deliveries' encodings one after the other, {@link StateDelivery#bundle}) carries exactly what
   * the budget counted.
   */
  public List<Integer> sizes() {
    return sizes;
  }

  private synchronized byte[] encoding(int quality) {
    if (encodings[quality] == null) {
      encodings[quality] = StateDelivery.of(update, quality, follows).toBytes();
    }
    return encodings[quality];
  }

  /** A read-only list of one value per quality level, computed on first read. */
  private final class Levels<T> extends AbstractList<T> {
    private final IntFunction<T> level;

    Levels(IntFunction<T> level) {
      this.level = level;
    }

    @Override
    public T get(int quality) {
      return level.apply(quality);
    }

    @Override
    public int size() {
      return encodings.length;
    }

    // By identity: comparing two updates' levels must not encode them.
    @Override
    public boolean equals(Object o) {
      return o == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /**
   * This update as offered to a target of interest {@code level} at {@code nowNanos}: urgent if it
   * was published urgent, else in the level's class, at the level's quality.
   */
  public Candidate<Outgoing> candidate(InterestLevel level, long nowNanos) {
    Priority priority =
        update.priority() == Priority.EMERGENCY ? Priority.EMERGENCY : level.priority();
    return new Candidate<>(
        update.stateId(),
        update.seq(),
        update.keyframe(),
        priority,
        priority != Priority.EMERGENCY,
        level.baseQuality(update.qualities().size()),
        sizes,
        nowNanos,
        this);
  }
}
