package io.swarmgrid.tasks.swarm.pso;

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
}
