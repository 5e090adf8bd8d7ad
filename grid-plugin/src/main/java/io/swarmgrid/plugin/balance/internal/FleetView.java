package io.swarmgrid.plugin.balance.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.projection.Projections;
import io.swarmgrid.config.BalanceConfig;
import io.swarmgrid.plugin.balance.BalanceEngine;
import io.swarmgrid.plugin.balance.NodeView;
import io.swarmgrid.plugin.balance.ResourceAllocator;
import io.swarmgrid.storage.balance.TaskStore;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes that can take tasks now, as this member last read them: live (a member node whose
 * member is in the cluster, a worker whose heartbeat is recent), not quarantined, each with what
 * its held tasks use. Refreshed every sweep into the member's {@link ResourceAllocator}, which
 * placements then update between sweeps.
 */
public final class FleetView {
  private final HazelcastInstance hz;
  private final BalanceConfig config;
  private final TaskStore store;
  private final NodeRegistry registry;
  private final ReputationStore reputations;
  private final ResourceAllocator allocator;
  private final Set<String> memberHandledTypes;
  private volatile Set<String> live = Set.of();
  private volatile CandidateIds candidateIds = new CandidateIds(-1, Map.of());

  /**
   * A view over {@code allocator}; {@code memberHandledTypes} is the live set of task types this
   * member's nodes have handlers for.
   */
  public FleetView(
      HazelcastInstance hz,
      BalanceConfig config,
      TaskStore store,
      ResourceAllocator allocator,
      Set<String> memberHandledTypes) {
    this.hz = hz;
    this.config = config;
    this.store = store;
    this.registry = new NodeRegistry(hz);
    this.reputations = new ReputationStore(hz);
    this.allocator = allocator;
    this.memberHandledTypes = memberHandledTypes;
  }

  /** Ids of the live nodes, quarantined ones included, at the last refresh. */
  Set<String> live() {
    return live;
  }

  /** The nodes that may take a task of {@code type}: member nodes if a handler is registered. */
  List<NodeView> candidatesFor(String type) {
    boolean memberHandler = memberHandledTypes.contains(type);
    long resets = allocator.resets();
    CandidateIds known = candidateIds;
    if (known.resets() != resets) {
      known = new CandidateIds(resets, new ConcurrentHashMap<>());
      candidateIds = known;
    }
    // Which nodes take a type changes only when the pools are reset (each sweep): every submission
    // looks up their current views instead of sorting and filtering the whole fleet (profiled: a
    // tenth of a submission's partition-thread time).
    List<String> ids =
        known
            .byType()
            .computeIfAbsent(
                (memberHandler ? "member:" : "workers:") + type,
                k -> candidateIdsFor(type, memberHandler));
    List<NodeView> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      allocator.pool(id).ifPresent(out::add);
    }
    return out;
  }

  private List<String> candidateIdsFor(String type, boolean memberHandler) {
    String capability = "task:" + type;
    List<String> out = new ArrayList<>();
    for (NodeView v : allocator.pools()) {
      if (v.worker()
          ? v.capabilities().contains(capability)
              || v.capabilities().contains(BalanceEngine.ANY_TYPE)
          : memberHandler) {
        out.add(v.nodeId());
      }
    }
    return List.copyOf(out);
  }

  /** The ids of the nodes that take each type, as of the allocator's {@code resets}-th reset. */
  private record CandidateIds(long resets, Map<String, List<String>> byType) {}

  /** Reads the registry, reputations and held tasks again, and resets the allocator from them. */
  public void refresh() {
    refresh(true);
  }

  /**
   * Reads the registry and reputations again and resets the allocator from them; the usage of each
   * node is counted again from the held tasks if {@code recount}, else it is the allocator's (kept
   * up to date by this member's placements and the transitions of its partitions).
   */
  public void refresh(boolean recount) {
    long now = System.currentTimeMillis();
    Set<String> members = new HashSet<>();
    for (Member m : hz.getCluster().getMembers()) {
      members.add(m.getUuid().toString());
    }
    Set<String> alive = new HashSet<>();
    List<NodeInfo> liveNodes = new ArrayList<>();
    for (NodeInfo n : registry.active()) {
      boolean up =
          n.memberUuid().isEmpty()
              ? now - n.lastSeen() <= config.workerTimeoutMillis()
              : members.contains(n.memberUuid());
      if (up) {
        alive.add(n.nodeId());
        liveNodes.add(n);
      }
    }
    Map<String, Reputation> reps = reputations.getAll(alive);
    Map<String, NodeUsage> usage = recount ? usageByNode() : usageInAllocator();
    List<NodeView> views = new ArrayList<>();
    for (NodeInfo n : liveNodes) {
      Reputation r = reps.getOrDefault(n.nodeId(), Reputation.neutral(n.nodeId()));
      if (r.quarantined()) {
        continue; // quarantined nodes get nothing
      }
      NodeUsage u = usage.getOrDefault(n.nodeId(), NodeUsage.NONE);
      views.add(
          new NodeView(
              n.nodeId(),
              n.memberUuid(),
              n.capacity().cpuCores(),
              n.capacity().memoryMb(),
              n.capacity().gpus(),
              new HashSet<>(n.capabilities()),
              cost(n),
              Math.max(0, Math.min(1, r.score())),
              u.held(),
              u.cpu(),
              u.memoryMb(),
              u.gpus(),
              u.backlogMillis()));
    }
    live = Set.copyOf(alive);
    allocator.reset(views);
  }

  /**
   * One projection over the held tasks instead of reading them whole; the columns are those named
   * in the projection, in order.
   */
  private Map<String, NodeUsage> usageByNode() {
    Map<String, NodeUsage> usage = new HashMap<>();
    for (Object[] r :
        store
            .map()
            .project(
                Projections.multiAttribute(
                    "node", "reqCpu", "reqMemoryMb", "reqGpus", "estimatedMillis"),
                TaskQueries.HELD)) {
      NodeUsage task =
          NodeUsage.ofTask(
              ((Number) r[1]).doubleValue(),
              ((Number) r[2]).longValue(),
              ((Number) r[3]).intValue(),
              ((Number) r[4]).longValue());
      usage.merge(String.valueOf(r[0]), task, NodeUsage::plus);
    }
    return usage;
  }

  private Map<String, NodeUsage> usageInAllocator() {
    Map<String, NodeUsage> usage = new HashMap<>();
    for (NodeView v : allocator.pools()) {
      usage.put(
          v.nodeId(),
          new NodeUsage(v.held(), v.usedCpu(), v.usedMemoryMb(), v.usedGpus(), v.backlogMillis()));
    }
    return usage;
  }

  private static double cost(NodeInfo n) {
    return switch (n.tier()) {
      case EDGE -> 0.0;
      case EDGE_SERVER -> 0.5;
      case CLOUD -> 1.0;
    };
  }
}
