package io.swarmgrid.tasks.swarm.pso;

/**
 * Particle-swarm coefficients.
 *
 * @param inertia weight of the previous velocity (w)
 * @param cognitive pull towards the particle's own best (c1)
 * @param social pull towards the swarm's best (c2)
 * @param velocityLimit the largest step per coordinate, as a share of the domain's width
 */
public record PsoParams(double inertia, double cognitive, double social, double velocityLimit) {
  /** Checks the ranges. */
  public PsoParams {
    check("inertia", inertia, 0, 1);
    check("cognitive", cognitive, 0, 4);
    check("social", social, 0, 4);
    check("velocityLimit", velocityLimit, 0.001, 1);
  }

  /** Clerc and Kennedy's constriction coefficients (w 0.7298, c1 = c2 1.49618), steps ≤ 20%. */
  public static PsoParams defaults() {
    return new PsoParams(0.7298, 1.49618, 1.49618, 0.2);
  }

  private static void check(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          field + ": " + value + " is out of range; allowed: " + min + " to " + max);
    }
  }
}
