package io.swarmgrid.storage.swarm;

/**
 * A MAX–MIN ant colony's parameters as stored with it.
 *
 * @param alpha weight of the pheromone
 * @param beta weight of the heuristic
 * @param evaporation ρ per tick
 * @param candidates candidate-list size
 * @param pBest sets τmin
 * @param stagnationTicks ticks without a better tour before the trail is reset
 * @param globalBestEvery the colony's best deposits every this many ticks (besides each member's
 *     iteration best)
 */
public record ColonyParams(
    double alpha,
    double beta,
    double evaporation,
    int candidates,
    double pBest,
    int stagnationTicks,
    int globalBestEvery) {}
