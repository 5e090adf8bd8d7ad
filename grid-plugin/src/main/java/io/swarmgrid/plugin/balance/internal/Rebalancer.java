package io.swarmgrid.plugin.balance.internal;

import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.plugin.balance.BalanceStrategy;
import io.swarmgrid.plugin.balance.Balancer;
import io.swarmgrid.plugin.balance.LeastConnectionsStrategy;
import io.swarmgrid.plugin.balance.NodeView;
import io.swarmgrid.plugin.balance.Placement;
import io.swarmgrid.plugin.balance.PredictiveStrategy;
import io.swarmgrid.plugin.balance.ResourceAllocator;
import io.swarmgrid.plugin.balance.Weights;
import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evens out skew: while the busiest node holds more than {@code balance.skew-threshold} tasks above
 * the least busy, moves its newest assigned (not yet running) task to a node that stays less
 * loaded, chosen by the predictive strategy (lowest forecast completion) or else least connections.
 * Tasks pinned next to their data stay.
 */
public final class Rebalancer {
  private static final Logger LOG = LoggerFactory.getLogger(Rebalancer.class);
  private static final int MAX_ROUNDS = 10_000;

  private final BalanceConfig config;
  private final Weights weights;
  private final TaskStore store;
  private final FleetView fleet;
  private final ResourceAllocator allocator;
  private final StrategyBook strategies;
  private final BalanceMetrics metrics;
  private final TaskRouter router;
  private final Predicate<Task> ownedHere;

  /**
   * A rebalancer over the given fleet; {@code ownedHere} tells whether a task's partition is this
   * member's.
   */
  public Rebalancer(
      BalanceConfig config,
      TaskStore store,
      FleetView fleet,
      ResourceAllocator allocator,
      StrategyBook strategies,
      BalanceMetrics metrics,
      TaskRouter router,
      Predicate<Task> ownedHere) {
    this.config = config;
    this.weights = Weights.of(config);
    this.store = store;
    this.fleet = fleet;
    this.allocator = allocator;
    this.strategies = strategies;
    this.metrics = metrics;
    this.router = router;
    this.ownedHere = ownedHere;
  }

  /** Moves queued tasks off the busiest nodes; returns how many moved. */
  public int rebalance() {
    Map<String, Integer> loads = new HashMap<>();
    List<NodeView> nodes = allocator.pools();
    for (NodeView v : nodes) {
      loads.put(v.nodeId(), 0);
    }
    // The allocator's counts (recounted every tenth sweep, followed in between), not a projection
    // over every held task.
    allocator.held().forEach((k, v) -> loads.computeIfPresent(k, (kk, old) -> v));
    Map<String, NodeView> byId = new HashMap<>();
    nodes.forEach(v -> byId.put(v.nodeId(), v));
    int moved = 0;
    Set<String> exhausted = new HashSet<>();
    for (int round = 0; round < MAX_ROUNDS && loads.size() > 1; round++) {
      String busiest =
          loads.entrySet().stream()
              .filter(e -> !exhausted.contains(e.getKey()))
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(null);
      if (busiest == null) {
        break;
      }
      int min = loads.values().stream().min(Integer::compare).orElse(0);
      if (loads.get(busiest) - min <= config.skewThreshold()) {
        break;
      }
      if (moveOne(busiest, loads, byId)) {
        moved++;
      } else {
        exhausted.add(busiest);
      }
    }
    if (moved > 0) {
      LOG.info("rebalanced {} queued tasks (skew threshold {})", moved, config.skewThreshold());
    }
    return moved;
  }

  /** Moves the newest movable task of {@code busiest}; {@code loads} follows the move. */
  private boolean moveOne(String busiest, Map<String, Integer> loads, Map<String, NodeView> byId) {
    List<Task> queued = new ArrayList<>(store.assignedTo(busiest));
    queued.sort(Comparator.comparingLong(Task::assignedAt).reversed());
    NodeView from = byId.get(busiest);
    for (Task t : queued) {
      if (pinnedToData(t, from)) {
        continue;
      }
      List<NodeView> targets = new ArrayList<>();
      for (NodeView v : fleet.candidatesFor(t.type())) {
        if (!v.nodeId().equals(busiest)
            && loads.getOrDefault(v.nodeId(), 0) + 1 < loads.get(busiest)) {
          targets.add(v);
        }
      }
      if (targets.isEmpty()) {
        continue;
      }
      // Predictive rebalancing: the target is the node with the lowest forecast completion time.
      BalanceStrategy s = strategies.forType(t.type());
      Optional<Placement> p =
          s instanceof PredictiveStrategy
              ? Balancer.choose(s, t, targets, Weights.STRATEGY_ONLY, "")
              : Balancer.choose(
                  new LeastConnectionsStrategy(), t, targets, Weights.STRATEGY_ONLY, "");
      if (p.isEmpty()) {
        continue;
      }
      String to = p.get().node().nodeId();
      if (store.move(
          t.taskId(), busiest, to, p.get().predictedMillis(), System.currentTimeMillis())) {
        loads.merge(busiest, -1, Integer::sum);
        loads.merge(to, 1, Integer::sum);
        // The pools follow the move now, not at the next recount: else the next sweep would see
        // the same skew and move again. The owner of the task's partition frees the old node when
        // told of the change; on another member's partition this member frees it itself.
        if (!ownedHere.test(t)) {
          allocator.release(busiest, t.requirements(), t.estimatedMillis());
        }
        allocator.allocate(to, t.requirements(), t.estimatedMillis(), true);
        metrics.rebalanced();
        router.dispatch(t.taskId(), byId.get(to), t.epoch() + 1);
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code t} sits on a member node next to its data because affinity outweighs speed in
   * the config: rebalancing leaves such tasks where their data is.
   */
  private boolean pinnedToData(Task t, NodeView on) {
    return !t.dataKey().isEmpty()
        && on != null
        && !on.worker()
        && weights.affinity() > weights.speed();
  }
}
