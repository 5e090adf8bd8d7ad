package io.swarmgrid.tasks.swarm.pso;

/**
 * A particle-swarm search of an objective registered on the members, by name.
 *
 * @param swarmId the search's id
 * @param objective the objective's name on the members
 * @param lower the lower bound of every coordinate (inside the objective's own domain)
 * @param upper the upper bound of every coordinate, above {@code lower}
 * @param dimension coordinates per point
 * @param particles particles (agents) searching
 * @param budget objective evaluations allowed in all
 * @param seed seeds the particles' starting points and random streams
 */
public record SearchSpec(
    String swarmId,
    String objective,
    double lower,
    double upper,
    int dimension,
    int particles,
    long budget,
    long seed) {

  /**
   * Checks what can be checked without the members.
   *
   * @throws IllegalArgumentException naming the field and value
   */
  public SearchSpec {
    if (swarmId == null || swarmId.isBlank() || swarmId.contains("@")) {
      throw new IllegalArgumentException("swarmId: '" + swarmId + "' is blank or contains '@'");
    }
    if (objective == null || objective.isBlank()) {
      throw new IllegalArgumentException("objective: '" + objective + "' is blank");
    }
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
      throw new IllegalArgumentException(
          "bounds: lower " + lower + ", upper " + upper + ": both finite, lower below upper");
    }
    if (dimension < 1 || dimension > ParticleSwarms.MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "dimension: "
              + dimension
              + " is out of range; allowed: 1 to "
              + ParticleSwarms.MAX_DIMENSION);
    }
    if (particles < 1) {
      throw new IllegalArgumentException("particles: " + particles + " is below 1");
    }
    if (budget <= 0) {
      throw new IllegalArgumentException("budget: " + budget + " must be above 0");
    }
    if (budget < particles) {
      throw new IllegalArgumentException(
          "budget: " + budget + " is below the particle count " + particles);
    }
  }
}
