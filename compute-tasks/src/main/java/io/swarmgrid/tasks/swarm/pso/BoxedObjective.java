package io.swarmgrid.tasks.swarm.pso;

import java.util.List;

/**
 * An objective searched in a box of its own (a search started with bounds): the values are the
 * objective's, only the bounds differ.
 *
 * @param objective the objective
 * @param lower the lower bound of every coordinate
 * @param upper the upper bound of every coordinate
 */
public record BoxedObjective(Objective objective, double lower, double upper) implements Objective {
  @Override
  public String id() {
    return objective.id();
  }

  @Override
  public double value(double[] x) {
    return objective.value(x);
  }

  @Override
  public double[] values(List<double[]> points) {
    return objective.values(points);
  }
}
