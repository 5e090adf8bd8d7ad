package io.swarmgrid.client.swarm;

import io.swarmgrid.storage.swarm.ParticleSwarmRecord;

/**
 * Where a particle-swarm search stands.
 *
 * @param swarmId the search's id
 * @param objective the objective's name
 * @param lower the lower bound of every coordinate searched (NaN: the objective's own)
 * @param upper the upper bound (NaN: the objective's own)
 * @param dimension coordinates per point
 * @param particles particles searching
 * @param budget evaluations allowed
 * @param evaluations evaluations spent
 * @param bestPosition the best point so far (empty before the first evaluation)
 * @param bestValue the objective there ({@code +∞} before the first)
 * @param adopted whether a collective decision adopted the best
 * @param done whether the search has stopped: budget spent or best adopted
 */
public record SearchStatus(
    String swarmId,
    String objective,
    double lower,
    double upper,
    int dimension,
    int particles,
    long budget,
    long evaluations,
    double[] bestPosition,
    double bestValue,
    boolean adopted,
    boolean done) {

  /** Copies the position. */
  public SearchStatus {
    bestPosition = bestPosition.clone();
  }

  /** The status of the swarm {@code r}. */
  public static SearchStatus of(ParticleSwarmRecord r) {
    return new SearchStatus(
        r.swarmId(),
        r.objective(),
        r.lower(),
        r.upper(),
        r.dimension(),
        r.particles(),
        r.budget(),
        r.evaluations(),
        r.bestPosition(),
        r.bestValue(),
        r.adopted(),
        r.adopted() || r.exhausted());
  }

  /** The best point so far (a copy). */
  @Override
  public double[] bestPosition() {
    return bestPosition.clone();
  }
}
