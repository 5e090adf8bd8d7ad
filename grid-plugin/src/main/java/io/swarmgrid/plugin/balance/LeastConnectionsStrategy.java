package io.swarmgrid.plugin.balance;

import io.swarmgrid.storage.balance.Task;
import java.util.List;

/** Least connections: the node holding the fewest tasks. */
public final class LeastConnectionsStrategy implements BalanceStrategy {
  @Override
  public String name() {
    return "least-connections";
  }

  @Override
  public double[] score(Task task, List<NodeView> candidates) {
    double[] raw = new double[candidates.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = candidates.get(i).held();
    }
    return BalanceStrategy.normalized(raw);
  }
}
