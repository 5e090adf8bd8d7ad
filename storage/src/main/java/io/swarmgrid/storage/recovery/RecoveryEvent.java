package io.swarmgrid.storage.recovery;

import java.util.List;
import java.util.Objects;

/**
 * What recovery did after a node was lost ({@code swarm.recovery}, bounded by {@code
 * fault.max-recovery-events}). Compact type name {@code swarmgrid.RecoveryEvent}.
 *
 * @param eventId unique id: detection time and node, so ids sort by time
 * @param lostNode the node whose member was lost
 * @param lostMember UUID of that member
 * @param kind temporary (came back within the grace period) or permanent
 * @param detectedAt epoch millis when the member's loss was detected (the membership event)
 * @param graceMillis the grace period waited before classifying
 * @param itemsFound work items the node held when it was classified
 * @param itemsReassigned work items moved to other nodes
 * @param targets where they went, as {@code node=count}, in the order chosen
 * @param reassignMillis time from the start of re-assignment (after the grace period) to the last
 *     re-assignment
 * @param detectToLastReassignMillis time from detection to the last re-assignment (includes the
 *     grace period); for a temporary loss, from detection to classification
 * @param finishedAt epoch millis when recovery finished
 */
public record RecoveryEvent(
    String eventId,
    String lostNode,
    String lostMember,
    RecoveryKind kind,
    long detectedAt,
    long graceMillis,
    int itemsFound,
    int itemsReassigned,
    List<String> targets,
    long reassignMillis,
    long detectToLastReassignMillis,
    long finishedAt) {

  /** Copies the list and checks required fields. */
  public RecoveryEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(lostNode, "lostNode");
    Objects.requireNonNull(kind, "kind");
    lostMember = lostMember == null ? "" : lostMember;
    targets = List.copyOf(targets);
  }

  /** The event id of a loss of {@code node} detected at {@code detectedAt}: sorts by time. */
  public static String idOf(long detectedAt, String node) {
    return String.format("%013d/%s", detectedAt, node);
  }

  /** Items the node held that were neither re-assigned nor kept by the returned node. */
  public int itemsLeft() {
    return kind == RecoveryKind.TEMPORARY ? 0 : itemsFound - itemsReassigned;
  }
}
