package io.swarmgrid.tasks.swarm.pso;

import java.util.SplittableRandom;

/**
 * One particle: where it is, how it moves, the best point it has seen. Immutable; {@link #move}
 * returns the particle after one step (one evaluation of the objective).
 *
 * @param position its coordinates
 * @param velocity its last step
 * @param bestPosition its personal best
 * @param bestValue the objective at its personal best ({@code +∞} before the first evaluation)
 * @param stalled steps since its personal best last improved
 */
public record Particle(
    double[] position, double[] velocity, double[] bestPosition, double bestValue, int stalled) {

  /** Copies the arrays. */
  public Particle {
    position = position.clone();
    velocity = velocity.clone();
    bestPosition = bestPosition.clone();
  }

  /** A particle at a uniform random point with a random velocity, not evaluated yet. */
  public static Particle random(Objective f, int dimension, PsoParams p, SplittableRandom rng) {
    double width = f.upper() - f.lower();
    double[] x = new double[dimension];
    double[] v = new double[dimension];
    for (int d = 0; d < dimension; d++) {
      x[d] = f.lower() + rng.nextDouble() * width;
      v[d] = (rng.nextDouble() * 2 - 1) * p.velocityLimit() * width;
    }
    return new Particle(x, v, x, Double.POSITIVE_INFINITY, 0);
  }

  /** Whether it has been evaluated once. */
  public boolean evaluated() {
    return bestValue != Double.POSITIVE_INFINITY;
  }

  /** The particle after evaluating where it is (its first step). */
  public Particle evaluate(Objective f) {
    return scored(f.value(position));
  }

  /** The particle once {@code y} is known to be the objective where it is. */
  public Particle scored(double y) {
    return y < bestValue
        ? new Particle(position, velocity, position, y, 0)
        : new Particle(position, velocity, bestPosition, bestValue, stalled + 1);
  }

  /**
   * The particle after one move towards its own and the swarm's best ({@code globalBest}, or its
   * own when empty), kept inside the domain, and one evaluation there.
   */
  public Particle move(double[] globalBest, Objective f, PsoParams p, SplittableRandom rng) {
    return moved(globalBest, f, p, rng).evaluate(f);
  }

  /**
   * The particle after one move, not evaluated at its new position yet (the grid's particles leave
   * the evaluation to their member, which {@link #scored} brings back).
   */
  public Particle moved(double[] globalBest, Objective f, PsoParams p, SplittableRandom rng) {
    double[] g = globalBest.length == position.length ? globalBest : bestPosition;
    double vmax = p.velocityLimit() * (f.upper() - f.lower());
    double[] x = new double[position.length];
    double[] v = new double[position.length];
    for (int d = 0; d < x.length; d++) {
      double vd =
          p.inertia() * velocity[d]
              + p.cognitive() * rng.nextDouble() * (bestPosition[d] - position[d])
              + p.social() * rng.nextDouble() * (g[d] - position[d]);
      vd = Math.max(-vmax, Math.min(vmax, vd));
      double xd = position[d] + vd;
      // Absorbing walls: stop at the bound and lose the speed that would leave the domain.
      if (xd < f.lower() || xd > f.upper()) {
        xd = Math.max(f.lower(), Math.min(f.upper(), xd));
        vd = 0;
      }
      x[d] = xd;
      v[d] = vd;
    }
    return new Particle(x, v, bestPosition, bestValue, stalled);
  }
}
