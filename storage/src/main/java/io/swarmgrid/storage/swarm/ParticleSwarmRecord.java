package io.swarmgrid.storage.swarm;

import java.util.Arrays;
import java.util.Objects;

/**
 * A particle swarm in {@code swarm.particle-swarms}: its problem, its evaluation budget, the best
 * position found so far (the global best every particle is pulled towards) and the collective
 * decision to adopt it. Times are ticks of the swarm engine.
 *
 * @param swarmId the swarm's id (its key)
 * @param objective the objective's name
 * @param dimension coordinates per position
 * @param particles particles started
 * @param budget objective evaluations allowed in all
 * @param evaluations evaluations spent so far
 * @param bestPosition the global best; empty before the first evaluation; frozen while an adoption
 *     proposal is open and once adopted, so the position voted on is the one adopted
 * @param bestValue the objective there; {@code +∞} before the first
 * @param lastImprovementTick the tick the global best last improved
 * @param proposalId the open or decided adoption proposal; empty when none is open
 * @param proposedTick the tick of the last proposal
 * @param proposals proposals made so far
 * @param adopted whether a committed collective decision adopted {@code bestPosition}
 * @param lower the lower bound of every coordinate of the search box; NaN: the objective's own
 * @param upper the upper bound; NaN: the objective's own
 */
public record ParticleSwarmRecord(
    String swarmId,
    String objective,
    int dimension,
    int particles,
    long budget,
    long evaluations,
    double[] bestPosition,
    double bestValue,
    long lastImprovementTick,
    String proposalId,
    long proposedTick,
    int proposals,
    boolean adopted,
    double lower,
    double upper) {

  /** Checks the required fields and copies the position. */
  public ParticleSwarmRecord {
    Objects.requireNonNull(swarmId, "swarmId");
    Objects.requireNonNull(objective, "objective");
    bestPosition = bestPosition == null ? new double[0] : bestPosition.clone();
    proposalId = proposalId == null ? "" : proposalId;
  }

  /** A new swarm with nothing evaluated. */
  public static ParticleSwarmRecord create(
      String swarmId, String objective, int dimension, int particles, long budget, long tick) {
    return new ParticleSwarmRecord(
        swarmId,
        objective,
        dimension,
        particles,
        budget,
        0,
        new double[0],
        Double.POSITIVE_INFINITY,
        tick,
        "",
        tick,
        0,
        false,
        Double.NaN,
        Double.NaN);
  }

  /** The same new swarm searching the box [{@code lower}, {@code upper}] in every coordinate. */
  public ParticleSwarmRecord within(double lower, double upper) {
    return new ParticleSwarmRecord(
        swarmId,
        objective,
        dimension,
        particles,
        budget,
        evaluations,
        bestPosition,
        bestValue,
        lastImprovementTick,
        proposalId,
        proposedTick,
        proposals,
        adopted,
        lower,
        upper);
  }

  /** Whether the swarm searches a box of its own rather than its objective's. */
  public boolean bounded() {
    return !Double.isNaN(lower) && !Double.isNaN(upper);
  }

  /** The global best (a copy). */
  @Override
  public double[] bestPosition() {
    return bestPosition.clone();
  }

  /** Whether the evaluation budget is spent. */
  public boolean exhausted() {
    return evaluations >= budget;
  }

  /**
   * This swarm after {@code spent} more evaluations whose best was {@code value} at {@code x}.
   * While a proposal is open or adopted the evaluations count but the best stays: evaluations of
   * the proposing tick land after the proposal, and would otherwise make the swarm adopt one
   * position and report another.
   */
  public ParticleSwarmRecord offer(double[] x, double value, long spent, long tick) {
    boolean better = value < bestValue && x.length == dimension && proposalId.isEmpty();
    return new ParticleSwarmRecord(
        swarmId,
        objective,
        dimension,
        particles,
        budget,
        evaluations + spent,
        better ? x : bestPosition,
        better ? value : bestValue,
        better ? tick : lastImprovementTick,
        proposalId,
        proposedTick,
        proposals,
        adopted,
        lower,
        upper);
  }

  /** This swarm with the adoption proposal {@code id} open since {@code tick}. */
  public ParticleSwarmRecord propose(String id, long tick) {
    return new ParticleSwarmRecord(
        swarmId,
        objective,
        dimension,
        particles,
        budget,
        evaluations,
        bestPosition,
        bestValue,
        lastImprovementTick,
        id,
        tick,
        proposals + 1,
        false,
        lower,
        upper);
  }

  /** This swarm after its open proposal was decided: adopted, or closed so another may follow. */
  public ParticleSwarmRecord settle(boolean adopt) {
    return new ParticleSwarmRecord(
        swarmId,
        objective,
        dimension,
        particles,
        budget,
        evaluations,
        bestPosition,
        bestValue,
        lastImprovementTick,
        adopt ? proposalId : "",
        proposedTick,
        proposals,
        adopt,
        lower,
        upper);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParticleSwarmRecord r
        && swarmId.equals(r.swarmId)
        && objective.equals(r.objective)
        && dimension == r.dimension
        && particles == r.particles
        && budget == r.budget
        && evaluations == r.evaluations
        && Arrays.equals(bestPosition, r.bestPosition)
        && Double.compare(bestValue, r.bestValue) == 0
        && lastImprovementTick == r.lastImprovementTick
        && proposalId.equals(r.proposalId)
        && proposedTick == r.proposedTick
        && proposals == r.proposals
        && adopted == r.adopted
        && Double.compare(lower, r.lower) == 0
        && Double.compare(upper, r.upper) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(swarmId, evaluations, bestValue, proposalId, adopted);
  }
}
