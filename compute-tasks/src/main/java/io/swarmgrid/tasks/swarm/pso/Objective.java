package io.swarmgrid.tasks.swarm.pso;

import java.util.List;

/**
 * What a particle swarm minimises: a function of a point in a box that is the same in every
 * coordinate. The standard {@link TestFunction}s are objectives; so is {@link ModelObjective} (one
 * minus the validation accuracy of a model trained with the point's hyper-parameters).
 */
public interface Objective {
  /** The name the swarm's record carries, so members find the objective again. */
  String id();

  /** The lower bound of every coordinate. */
  double lower();

  /** The upper bound of every coordinate. */
  double upper();

  /** The objective at {@code x}; lower is better. */
  double value(double[] x);

  /**
   * The objective at each of {@code points}, in order: one {@link #value} each unless the objective
   * can do a batch better (a {@link ShardedModelObjective} sends the whole batch to its shards).
   */
  default double[] values(List<double[]> points) {
    double[] out = new double[points.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(points.get(i));
    }
    return out;
  }
}
