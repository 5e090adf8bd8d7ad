package io.swarmgrid.tasks.balance;

import java.io.Serializable;
import java.util.Map;

/**
 * One member's balancing figures.
 *
 * @param member the member's UUID
 * @param assignments tasks this member has assigned since it started
 * @param assignmentsPerSecond assignments per second over the last measurement window
 * @param rebalanced tasks this member moved to rebalance load
 * @param requeued tasks this member put back in the queue after their node was lost
 * @param predictorTrained whether the completion-time model is trained
 * @param predictorErrorMs the model's mean absolute error on held-out finished tasks, ms (-1 if
 *     untrained)
 * @param predictorBaselineErrorMs the same error when always predicting the mean (-1 if untrained)
 * @param predictorSamples finished tasks the model learned from so far
 * @param utilization per node: share of its CPU held by assigned and running tasks, 0..1
 * @param held per node: tasks assigned or running
 */
public record MemberStats(
    String member,
    long assignments,
    double assignmentsPerSecond,
    long rebalanced,
    long requeued,
    boolean predictorTrained,
    double predictorErrorMs,
    double predictorBaselineErrorMs,
    int predictorSamples,
    Map<String, Double> utilization,
    Map<String, Integer> held)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the maps. */
  public MemberStats {
    utilization = Map.copyOf(utilization);
    held = Map.copyOf(held);
  }
}
