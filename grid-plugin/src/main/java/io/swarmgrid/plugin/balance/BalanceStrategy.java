package io.swarmgrid.plugin.balance;

import io.swarmgrid.storage.balance.Task;
import java.util.List;

/**
 * How one strategy ranks candidate nodes for a task. Candidates given to it can all run the task;
 * it answers a score per candidate, lower is better, each in [0, 1], which {@link Balancer}
 * combines with cost, reliability and data affinity. Implementations are thread-safe.
 */
public interface BalanceStrategy {
  /** The name used in config ({@code balance.strategy}). */
  String name();

  /** Scores {@code candidates} (not empty) for {@code task}: lower is better, each in [0, 1]. */
  double[] score(Task task, List<NodeView> candidates);

  /** Whether candidates must have the task's requirements free now (not only in total). */
  default boolean needsFreeResources() {
    return false;
  }

  /**
   * The predicted completion time of {@code task} on {@code node}, ms, or 0 if this strategy does
   * not predict.
   */
  default double predictMillis(Task task, NodeView node) {
    return 0;
  }

  /** Told that {@code node} got a task (rotating strategies advance). */
  default void assigned(NodeView node) {}

  /** Scores normalized to [0, 1] by the largest (all zero stays zero). */
  static double[] normalized(double[] raw) {
    double max = 0;
    for (double v : raw) {
      max = Math.max(max, v);
    }
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = max <= 0 ? 0 : raw[i] / max;
    }
    return out;
  }
}
