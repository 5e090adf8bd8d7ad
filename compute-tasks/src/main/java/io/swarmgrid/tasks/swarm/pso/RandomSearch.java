package io.swarmgrid.tasks.swarm.pso;

import java.util.SplittableRandom;

/** Uniform random search: the baseline a swarm must beat at the same number of evaluations. */
public final class RandomSearch {
  private RandomSearch() {}

  /** The best of {@code budget} uniform random points of {@code f}'s domain. */
  public static SearchResult minimise(Objective f, int dimension, long budget, long seed) {
    ParticleSwarm.checkPositive("dimension", dimension);
    ParticleSwarm.checkPositive("budget", budget);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] best = new double[dimension];
    double bestValue = Double.POSITIVE_INFINITY;
    double[] x = new double[dimension];
    for (long e = 0; e < budget; e++) {
      for (int d = 0; d < dimension; d++) {
        x[d] = f.lower() + rng.nextDouble() * (f.upper() - f.lower());
      }
      double y = f.value(x);
      if (y < bestValue) {
        bestValue = y;
        best = x.clone();
      }
    }
    return new SearchResult(best, bestValue, budget);
  }
}
