package io.swarmgrid.plugin.balance;

import io.swarmgrid.storage.balance.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted round robin by capacity (CPU cores): smooth weighted round robin, so a node with twice
 * the cores gets every other turn of a pair rather than two turns in a row.
 */
public final class WeightedRoundRobinStrategy implements BalanceStrategy {
  private final Map<String, Long> current = new HashMap<>();

  @Override
  public String name() {
    return "weighted-round-robin";
  }

  @Override
  public synchronized double[] score(Task task, List<NodeView> candidates) {
    long total = 0;
    int best = 0;
    long bestWeight = Long.MIN_VALUE;
    for (int i = 0; i < candidates.size(); i++) {
      NodeView n = candidates.get(i);
      long w = current.merge(n.nodeId(), (long) n.cpuCores(), Long::sum);
      total += n.cpuCores();
      if (w > bestWeight) {
        bestWeight = w;
        best = i;
      }
    }
    current.merge(candidates.get(best).nodeId(), -total, Long::sum);
    if (current.size() > 4 * candidates.size() + 64) {
      current.keySet().retainAll(candidates.stream().map(NodeView::nodeId).toList());
    }
    double[] s = new double[candidates.size()];
    java.util.Arrays.fill(s, 1.0);
    s[best] = 0;
    return s;
  }
}
