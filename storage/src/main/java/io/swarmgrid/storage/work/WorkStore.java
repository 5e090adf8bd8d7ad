package io.swarmgrid.storage.work;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.internal.StoreProcessors.CompleteWork;
import io.swarmgrid.storage.internal.StoreProcessors.CreateWork;
import io.swarmgrid.storage.internal.StoreProcessors.ReassignWork;
import io.swarmgrid.storage.internal.StoreProcessors.RemoveCompletedWork;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.ReputationStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to {@code swarm.work}: who owns which piece of work. Tasks and agents create their
 * work items here, owners complete them with their {@link WorkLease}, and recovery re-assigns the
 * items of a lost node. Every change runs as an entry processor next to the item, so a completion
 * and a re-assignment of one item never interleave. Works on members and clients alike.
 *
 * <p>The map is bounded by {@code fault.max-work-items}: creating more is refused (work is never
 * evicted, since evicting it would lose it); {@link #remove} deletes finished items.
 */
public final class WorkStore implements WorkItems {
  /** Longest work id, in characters. */
  public static final int MAX_ID_LENGTH = 256;

  private final IMap<String, WorkItem> items;
  private final NodeRegistry nodes;
  private final ReputationStore reputations;
  private final int maxItems;

  /**
   * The store of the cluster {@code hz} belongs to.
   *
   * @param maxItems {@code fault.max-work-items}
   */
  public WorkStore(HazelcastInstance hz, int maxItems) {
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems: " + maxItems + " is not positive");
    }
    this.items = hz.getMap(SwarmMap.WORK.mapName());
    this.nodes = new NodeRegistry(hz);
    this.reputations = new ReputationStore(hz);
    this.maxItems = maxItems;
  }

  /**
   * Creates one work item owned by {@code ownerNode}.
   *
   * @return the owner's lease (epoch 1)
   * @throws IllegalArgumentException for a blank or too long id or kind, an unknown, gone or
   *     quarantined owner, or an id that exists; nothing changes
   * @throws IllegalStateException if {@code fault.max-work-items} would be exceeded
   */
  @Override
  public WorkLease create(String workId, String kind, String ownerNode, long now) {
    List<WorkLease> created = createAll(List.of(workId), kind, ownerNode, now);
    if (created.isEmpty()) {
      throw new IllegalArgumentException("workId: '" + workId + "' exists already");
    }
    return created.get(0);
  }

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
  @Override
  public List<WorkLease> createAll(
      Collection<String> workIds, String kind, String ownerNode, long now) {
    checkText("kind", kind, 64);
    Set<String> ids = new LinkedHashSet<>();
    for (String id : workIds) {
      checkText("workId", id, MAX_ID_LENGTH);
      ids.add(id);
    }
    checkAssignable(ownerNode);
    int size = items.size();
    if ((long) size + ids.size() > maxItems) {
      throw new IllegalStateException(
          "fault.max-work-items: "
              + maxItems
              + " would be exceeded ("
              + size
              + " items held, "
              + ids.size()
              + " more asked for)");
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Boolean> created = items.executeOnKeys(ids, new CreateWork(kind, ownerNode, now));
    List<WorkLease> leases = new ArrayList<>();
    for (String id : ids) {
      if (Boolean.TRUE.equals(created.get(id))) {
        leases.add(new WorkLease(id, ownerNode, 1));
      }
    }
    return leases;
  }

  /**
   * Completes a work item if {@code lease} is still current: same owner, same epoch, not completed.
   * A refused completion changes nothing.
   */
  @Override
  public Completion complete(WorkLease lease, long now) {
    String result =
        items.executeOnKey(lease.workId(), new CompleteWork(lease.ownerNode(), lease.epoch(), now));
    return Completion.valueOf(result);
  }

  /** The work item, if it exists. */
  @Override
  public Optional<WorkItem> get(String workId) {
    return Optional.ofNullable(items.get(workId));
  }

  /** Several work items by id (missing ids are left out). */
  @Override
  public Map<String, WorkItem> getAll(Collection<String> workIds) {
    return items.getAll(new LinkedHashSet<>(workIds));
  }

  /** The ids of the items assigned to (and not yet completed by) {@code nodeId}. */
  @Override
  public Set<String> assignedTo(String nodeId) {
    return items.keySet(assignedPredicate(nodeId));
  }

  /** How many items {@code nodeId} holds and has not completed: its load. */
  @Override
  public long load(String nodeId) {
    Long n = items.aggregate(Aggregators.count(), assignedPredicate(nodeId));
    return n == null ? 0 : n;
  }

  /** The load of each of {@code nodeIds}, in their order. */
  @Override
  public Map<String, Long> loads(Collection<String> nodeIds) {
    Map<String, Long> loads = new LinkedHashMap<>();
    for (String id : nodeIds) {
      loads.put(id, load(id));
    }
    return loads;
  }

  /**
   * Moves the given items from {@code fromNode} to {@code toNode}, each with the next epoch, next
   * to each item. Items that are completed, or no longer owned by {@code fromNode}, stay as they
   * are.
   *
   * @return the number of items moved
   */
  @Override
  public int reassign(Collection<String> workIds, String fromNode, String toNode, long now) {
    if (workIds.isEmpty()) {
      return 0;
    }
    Map<String, Boolean> moved =
        items.executeOnKeys(new LinkedHashSet<>(workIds), new ReassignWork(fromNode, toNode, now));
    return (int) moved.values().stream().filter(Boolean.TRUE::equals).count();
  }

  /**
   * Deletes a completed item (its owner's bookkeeping is done).
   *
   * @return whether a completed item was deleted; an assigned item is never deleted
   */
  @Override
  public boolean remove(String workId) {
    return Boolean.TRUE.equals(items.executeOnKey(workId, new RemoveCompletedWork()));
  }

  /** Work items held, live and completed. */
  @Override
  public int size() {
    return items.size();
  }

  /** The configured bound, {@code fault.max-work-items}. */
  @Override
  public int maxItems() {
    return maxItems;
  }

  private void checkAssignable(String ownerNode) {
    checkText("ownerNode", ownerNode, MAX_ID_LENGTH);
    Optional<NodeInfo> owner = nodes.get(ownerNode);
    if (owner.isEmpty()) {
      throw new IllegalArgumentException("ownerNode: '" + ownerNode + "' is not a registered node");
    }
    if (!owner.get().active()) {
      throw new IllegalArgumentException("ownerNode: '" + ownerNode + "' is gone");
    }
    if (reputations.isQuarantined(ownerNode)) {
      throw new IllegalArgumentException(
          "ownerNode: '" + ownerNode + "' is quarantined and gets no new work");
    }
  }

  private static void checkText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          field + ": " + (value == null ? "missing" : "'" + value + "' is blank"));
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          field
              + ": '"
              + value.substring(0, 32)
              + "...' is longer than "
              + maxLength
              + " characters");
    }
  }

  private static Predicate<String, WorkItem> assignedPredicate(String nodeId) {
    return Predicates.and(
        Predicates.equal("ownerNode", nodeId),
        Predicates.equal("state", WorkState.ASSIGNED.name()));
  }
}
