package io.swarmgrid.tasks.swarm.pso;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The particle-swarm optimiser in plain Java (global-best topology, synchronous updates): the
 * reference the swarm on the grid is measured against, and what {@code pso_vs_random} runs.
 */
public final class ParticleSwarm {
  private ParticleSwarm() {}

  /**
   * Minimises {@code f} over {@code dimension} coordinates with {@code particles} particles until
   * {@code budget} evaluations are spent.
   *
   * @throws IllegalArgumentException naming a bad dimension, particle count or budget
   */
  public static SearchResult minimise(
      Objective f, int dimension, int particles, long budget, long seed, PsoParams p) {
    checkPositive("dimension", dimension);
    checkPositive("particles", particles);
    checkPositive("budget", budget);
    SplittableRandom rng = new SplittableRandom(seed);
    List<Particle> swarm = new ArrayList<>(particles);
    for (int i = 0; i < particles; i++) {
      swarm.add(Particle.random(f, dimension, p, rng));
    }
    long evaluations = 0;
    double[] best = new double[0];
    double bestValue = Double.POSITIVE_INFINITY;
    while (evaluations < budget) {
      for (int i = 0; i < particles && evaluations < budget; i++) {
        Particle q = swarm.get(i);
        q = q.evaluated() ? q.move(best, f, p, rng) : q.evaluate(f);
        evaluations++;
        swarm.set(i, q);
        if (q.bestValue() < bestValue) {
          bestValue = q.bestValue();
          best = q.bestPosition();
        }
      }
    }
    return new SearchResult(best, bestValue, evaluations);
  }

  static void checkPositive(String field, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + ": " + value + " is below 1");
    }
  }
}
