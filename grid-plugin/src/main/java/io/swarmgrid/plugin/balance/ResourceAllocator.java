package io.swarmgrid.plugin.balance;

import io.swarmgrid.storage.balance.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resource pools per node as this member sees them: each node's capacity and what its held tasks
 * use. The balancing engine resets the pools from {@code swarm.tasks} at every sweep and allocates
 * or releases between sweeps as it assigns and finishes tasks. Thread-safe; bounded by the fleet.
 */
public final class ResourceAllocator {
  // Replaced whole at every reset, so that a reader never sees a half-filled fleet.
  private volatile Map<String, NodeView> pools = new ConcurrentHashMap<>();
  private volatile long resets;

  /** Replaces every pool with {@code fleet} (capacities and current use). */
  public synchronized void reset(List<NodeView> fleet) {
    Map<String, NodeView> next = new ConcurrentHashMap<>();
    for (NodeView n : fleet) {
      next.put(n.nodeId(), n);
    }
    pools = next;
    resets++;
  }

  /** How many times the pools were reset: which nodes have a pool changes only then. */
  public long resets() {
    return resets;
  }

  /**
   * Allocates {@code req} on {@code nodeId}.
   *
   * @param overcommit allocate even if the pool has not enough free (strategies that do not fit
   *     against free resources still count what they place)
   * @return whether it was allocated: false for an unknown node, or one that has not enough free
   *     when {@code overcommit} is false
   */
  public synchronized boolean allocate(
      String nodeId, ResourceRequirements req, boolean overcommit) {
    return allocate(nodeId, req, 0, overcommit);
  }

  /**
   * {@link #allocate(String, ResourceRequirements, boolean)} of a task estimated at {@code
   * estimateMillis}.
   */
  public synchronized boolean allocate(
      String nodeId, ResourceRequirements req, long estimateMillis, boolean overcommit) {
    NodeView n = pools.get(nodeId);
    if (n == null || !Balancer.canEverRun(req, n) || (!overcommit && !Balancer.hasFree(req, n))) {
      return false;
    }
    pools.put(nodeId, n.plus(1, req.cpu(), req.memoryMb(), req.gpus(), estimateMillis));
    return true;
  }

  /** Releases {@code req} on {@code nodeId} (no-op for an unknown node). */
  public synchronized void release(String nodeId, ResourceRequirements req) {
    release(nodeId, req, 0);
  }

  /** Releases {@code req} of a task estimated at {@code estimateMillis} on {@code nodeId}. */
  public synchronized void release(String nodeId, ResourceRequirements req, long estimateMillis) {
    pools.computeIfPresent(
        nodeId, (k, n) -> n.plus(-1, -req.cpu(), -req.memoryMb(), -req.gpus(), -estimateMillis));
  }

  /** The pool of {@code nodeId}. */
  public Optional<NodeView> pool(String nodeId) {
    return Optional.ofNullable(pools.get(nodeId));
  }

  /** Every pool, by node id. */
  public List<NodeView> pools() {
    List<NodeView> list = new ArrayList<>(pools.values());
    list.sort(java.util.Comparator.comparing(NodeView::nodeId));
    return list;
  }

  /** CPU utilization per node, 0..1 (over 1 when over-committed). */
  public Map<String, Double> utilization() {
    Map<String, Double> u = new TreeMap<>();
    for (NodeView n : pools.values()) {
      u.put(n.nodeId(), n.cpuUtilization());
    }
    return u;
  }

  /** Held tasks per node. */
  public Map<String, Integer> held() {
    Map<String, Integer> h = new TreeMap<>();
    for (NodeView n : pools.values()) {
      h.put(n.nodeId(), n.held());
    }
    return h;
  }
}
