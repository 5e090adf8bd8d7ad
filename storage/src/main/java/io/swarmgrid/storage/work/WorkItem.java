package io.swarmgrid.storage.work;

import java.util.Objects;

/**
 * Who owns one piece of work ({@code swarm.work}): the record that tasks and agents hang their
 * ownership on, and that recovery moves when an owner is lost. Compact type name {@code
 * swarmgrid.WorkItem}.
 *
 * <p>{@code epoch} fences the owners: it grows by one at every (re-)assignment, an owner gets the
 * epoch with its {@link WorkLease}, and a completion carrying an older epoch or another node is
 * refused. So a work item completes at most once, even when its first owner was wrongly presumed
 * dead and finishes late.
 *
 * @param workId unique id (a task id, an agent id, ...)
 * @param kind what sort of work ({@code task}, {@code agent}, ...), free text
 * @param ownerNode the owning node's id
 * @param state assigned or completed
 * @param epoch fencing token, 1 at creation, +1 per re-assignment
 * @param createdAt epoch millis of creation
 * @param assignedAt epoch millis of the latest (re-)assignment
 * @param completedAt epoch millis of completion, 0 before
 */
public record WorkItem(
    String workId,
    String kind,
    String ownerNode,
    WorkState state,
    long epoch,
    long createdAt,
    long assignedAt,
    long completedAt) {

  /** Checks required fields. */
  public WorkItem {
    Objects.requireNonNull(workId, "workId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ownerNode, "ownerNode");
    Objects.requireNonNull(state, "state");
  }

  /** The lease its current owner holds. */
  public WorkLease lease() {
    return new WorkLease(workId, ownerNode, epoch);
  }

  /** Whether it is still to be done. */
  public boolean assigned() {
    return state == WorkState.ASSIGNED;
  }

  /** This item moved to {@code newOwner} at {@code when}, with the next epoch. */
  public WorkItem reassignedTo(String newOwner, long when) {
    return new WorkItem(workId, kind, newOwner, WorkState.ASSIGNED, epoch + 1, createdAt, when, 0);
  }

  /** This item completed at {@code when}. */
  public WorkItem completed(long when) {
    return new WorkItem(
        workId, kind, ownerNode, WorkState.COMPLETED, epoch, createdAt, assignedAt, when);
  }
}
