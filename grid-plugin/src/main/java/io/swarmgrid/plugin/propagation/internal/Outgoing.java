package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.StateDelivery;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * An update ready to fan out: its delivery encoded once per quality level, shared by every target.
 *
 * @param update the checked update
 * @param encoded the message payload at each quality level, full first
 * @param sizes bytes counted against budgets at each quality level: the encoded delivery's
 */
public record Outgoing(StateUpdate update, List<byte[]> encoded, List<Integer> sizes) {

  /** Encodes {@code update} at each of its quality levels. */
  public static Outgoing of(StateUpdate update) {
    List<byte[]> encoded = new ArrayList<>(update.qualities().size());
    for (int q = 0; q < update.qualities().size(); q++) {
      encoded.add(StateDelivery.of(update, q).toBytes());
    }
    // Counted once here, shared by every target's candidate: a bundle is its deliveries' encodings
    // one after the other (StateDelivery.bundle), so it carries exactly what the budget counted.
    return new Outgoing(update, List.copyOf(encoded), encoded.stream().map(b -> b.length).toList());
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
