package io.swarmgrid.plugin.balance;

import io.swarmgrid.storage.balance.ResourceRequirements;
import io.swarmgrid.storage.balance.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The choice itself, pure over a fleet snapshot: which nodes can ever run a task, which can run it
 * now, why none can, and the multi-criteria winner among a strategy's scores.
 */
public final class Balancer {
  private Balancer() {}

  /** Whether {@code node}'s total resources and capabilities meet {@code req}. */
  public static boolean canEverRun(ResourceRequirements req, NodeView node) {
    return req.cpu() <= node.cpuCores()
        && req.memoryMb() <= node.memoryMb()
        && req.gpus() <= node.gpus()
        && node.capabilities().containsAll(req.capabilities());
  }

  /** Whether {@code node} has {@code req} free now. */
  public static boolean hasFree(ResourceRequirements req, NodeView node) {
    return node.usedCpu() + req.cpu() <= node.cpuCores()
        && node.usedMemoryMb() + req.memoryMb() <= node.memoryMb()
        && node.usedGpus() + req.gpus() <= node.gpus();
  }

  /**
   * Why no node of {@code fleet} can ever run a task with {@code req}: the first requirement that
   * no node meets, with the best value any node offers; empty if some node can run it.
   */
  public static Optional<String> unschedulableReason(
      ResourceRequirements req, List<NodeView> fleet) {
    if (fleet.stream().anyMatch(n -> canEverRun(req, n))) {
      return Optional.empty();
    }
    if (fleet.isEmpty()) {
      return Optional.of("no active, unquarantined node takes this task type");
    }
    NodeView most = fleet.get(0);
    for (NodeView n : fleet) {
      if (n.cpuCores() > most.cpuCores()) {
        most = n;
      }
    }
    if (fleet.stream().noneMatch(n -> req.cpu() <= n.cpuCores())) {
      return Optional.of(reason("cpu", req.cpu(), most.cpuCores(), most.nodeId()));
    }
    most = fleet.stream().max(java.util.Comparator.comparingLong(NodeView::memoryMb)).orElseThrow();
    if (fleet.stream().noneMatch(n -> req.memoryMb() <= n.memoryMb())) {
      return Optional.of(reason("memoryMb", req.memoryMb(), most.memoryMb(), most.nodeId()));
    }
    most = fleet.stream().max(java.util.Comparator.comparingInt(NodeView::gpus)).orElseThrow();
    if (fleet.stream().noneMatch(n -> req.gpus() <= n.gpus())) {
      return Optional.of(reason("gpus", req.gpus(), most.gpus(), most.nodeId()));
    }
    for (String c : req.capabilities()) {
      if (fleet.stream().noneMatch(n -> n.capabilities().contains(c))) {
        return Optional.of("requirements.capabilities: no active node offers '" + c + "'");
      }
    }
    return Optional.of(
        "requirements: no single node offers cpu "
            + req.cpu()
            + ", memoryMb "
            + req.memoryMb()
            + ", gpus "
            + req.gpus()
            + " and capabilities "
            + req.capabilities()
            + " together");
  }

  private static String reason(String field, Object wanted, Object best, String node) {
    return "requirements."
        + field
        + ": "
        + wanted
        + " wanted, the most any active node offers is "
        + best
        + " ("
        + node
        + ")";
  }

  /**
   * The winner for {@code task} among {@code fleet} (nodes that take its type), or empty if none
   * can run it now.
   *
   * @param dataOwner UUID of the member owning the task's data key's partition, or empty
   */
  public static Optional<Placement> choose(
      BalanceStrategy strategy, Task task, List<NodeView> fleet, Weights w, String dataOwner) {
    List<NodeView> candidates = new ArrayList<>();
    for (NodeView n : fleet) {
      if (canEverRun(task.requirements(), n)
          && (!strategy.needsFreeResources() || hasFree(task.requirements(), n))) {
        candidates.add(n);
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    double[] s = strategy.score(task, candidates);
    int best = -1;
    double bestTotal = Double.MAX_VALUE;
    for (int i = 0; i < s.length; i++) {
      NodeView n = candidates.get(i);
      boolean affine = !dataOwner.isEmpty() && dataOwner.equals(n.memberUuid());
      double total =
          w.speed() * s[i]
              + w.cost() * n.cost()
              + w.reliability() * (1 - n.reputation())
              - (affine ? w.affinity() : 0);
      if (total < bestTotal) {
        bestTotal = total;
        best = i;
      }
    }
    NodeView chosen = candidates.get(best);
    strategy.assigned(chosen);
    return Optional.of(new Placement(chosen, strategy.predictMillis(task, chosen)));
  }
}
