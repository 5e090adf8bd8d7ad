package io.swarmgrid.storage.swarm;

/**
 * A MAX–MIN ant colony's parameters as stored with it.
 *
 * @param alpha weight of the pheromone
 * @param beta weight of the heuristic
 * @param evaporation ρ per tick
 * @param candidates candidate-list size
 * @param pBest sets τmin
 * @param stagnationTicks ticks without a better tour before the trail is reset; 0: the value of the
 *     member owning the colony ({@code swarmgrid.swarm.colony-stagnation-ticks})
 * @param globalBestEvery the colony's best deposits every this many ticks (besides each member's
 *     iteration best); 0: the owning member's {@code swarmgrid.swarm.colony-global-best-every}
 */
public record ColonyParams(
    double alpha,
    double beta,
    double evaporation,
    int candidates,
    double pBest,
    int stagnationTicks,
    int globalBestEvery) {

  /** These parameters with each value left to the member (0) replaced by the member's. */
  public ColonyParams withDefaults(int memberStagnationTicks, int memberGlobalBestEvery) {
    return new ColonyParams(
        alpha,
        beta,
        evaporation,
        candidates,
        pBest,
        stagnationTicks > 0 ? stagnationTicks : memberStagnationTicks,
        globalBestEvery > 0 ? globalBestEvery : memberGlobalBestEvery);
  }
}
