package io.swarmgrid.storage.work;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The owned work items of the swarm ({@code swarm.work}): create under an epoch lease, complete
 * once, read, reassign. {@code SwarmClient.fault().work()} hands out this interface; {@link
 * WorkStore} is its implementation over the grid map.
 */
public interface WorkItems {
  /**
   * Creates one work item owned by {@code ownerNode}.
   *
   * @return the owner's lease (epoch 1)
   * @throws IllegalArgumentException for a blank or too long id or kind, an unknown, gone or
   *     quarantined owner, or an id that exists; nothing changes
   * @throws IllegalStateException if {@code fault.max-work-items} would be exceeded
   */
  WorkLease create(String workId, String kind, String ownerNode, long now);

  /**
   * Creates several work items, all owned by {@code ownerNode}. Ids that exist already are left as
   * they are and get no lease.
   *
   * @return the leases of the items created, in the order of {@code workIds}
   * @throws IllegalArgumentException for a blank or too long id or kind, or an unknown, gone or
   *     quarantined owner; nothing changes
   * @throws IllegalStateException if {@code fault.max-work-items} would be exceeded; nothing
   *     changes
   */
  List<WorkLease> createAll(Collection<String> workIds, String kind, String ownerNode, long now);

  /**
   * Completes a work item if {@code lease} is still current: same owner, same epoch, not completed.
   * A refused completion changes nothing.
   */
  Completion complete(WorkLease lease, long now);

  /** The work item, if it exists. */
  Optional<WorkItem> get(String workId);

  /** Several work items by id (missing ids are left out). */
  Map<String, WorkItem> getAll(Collection<String> workIds);

  /** The ids of the items assigned to (and not yet completed by) {@code nodeId}. */
  Set<String> assignedTo(String nodeId);

  /** How many items {@code nodeId} holds and has not completed: its load. */
  long load(String nodeId);

  /** The load of each of {@code nodeIds}, in their order. */
  Map<String, Long> loads(Collection<String> nodeIds);

  /**
   * Moves the given items from {@code fromNode} to {@code toNode}, each with the next epoch, next
   * to each item. Items that are completed, or no longer owned by {@code fromNode}, stay as they
   * are.
   *
   * @return the number of items moved
   */
  int reassign(Collection<String> workIds, String fromNode, String toNode, long now);

  /**
   * Deletes a completed item (its owner's bookkeeping is done).
   *
   * @return whether a completed item was deleted; an assigned item is never deleted
   */
  boolean remove(String workId);

  /** Work items held, live and completed. */
  int size();

  /** The configured bound, {@code fault.max-work-items}. */
  int maxItems();
}
