package io.swarmgrid.plugin.propagation.internal;

import io.swarmgrid.storage.messaging.Priority;
import java.util.List;
import java.util.Objects;

/**
 * One update offered to one target, as the scheduler sees it.
 *
 * @param stateId the state
 * @param seq the update's position in its stream
 * @param keyframe whether it is a keyframe
 * @param priority the class it travels in for this target
 * @param degradable whether it may be sent below {@code baseQuality} when the target is over budget
 *     (urgent updates are delayed only)
 * @param baseQuality the quality the target's interest asks for (0 = full)
 * @param sizes bytes on the wire at each quality level, full first
 * @param offeredNanos when it was offered (the scheduler's clock)
 * @param payload what the sender needs to send it
 * @param <P> the payload type
 */
public record Candidate<P>(
    String stateId,
    long seq,
    boolean keyframe,
    Priority priority,
    boolean degradable,
    int baseQuality,
    List<Integer> sizes,
    long offeredNanos,
    P payload) {

  /**
   * Needs the sizes; keeps the list given (an update's sizes are shared, computed on first use).
   */
  public Candidate {
    Objects.requireNonNull(sizes, "sizes");
  }

  /** The number of quality levels. */
  int levels() {
    return sizes.size();
  }
}
