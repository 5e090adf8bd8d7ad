package io.swarmgrid.storage.propagation;

import java.util.List;
import java.util.Objects;

/**
 * Propagation counters of one member: per stream it schedules and per target it sends to.
 *
 * @param member the member's node id
 * @param streams per state id
 * @param targets per target node id
 */
public record PropagationStats(
    String member, List<PropagationCounts> streams, List<PropagationCounts> targets) {

  /** Copies the lists. */
  public PropagationStats {
    Objects.requireNonNull(member, "member");
    streams = List.copyOf(streams);
    targets = List.copyOf(targets);
  }
}
