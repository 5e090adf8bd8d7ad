package io.swarmgrid.tasks.swarm.tsp;

/**
 * Parameters of the MAX–MIN ant system (Stützle and Hoos, 2000), with their usual values when tours
 * are improved by local search.
 *
 * @param ants ants per iteration
 * @param alpha weight of the pheromone
 * @param beta weight of the heuristic 1/distance
 * @param evaporation ρ: the share of pheromone that evaporates per iteration
 * @param candidates nearest neighbours an ant considers first
 * @param pBest probability of building the best tour at convergence, which sets τmin
 * @param stagnationIterations iterations without a better tour after which trails are reset
 * @param seed random seed
 */
public record AcoParams(
    int ants,
    double alpha,
    double beta,
    double evaporation,
    int candidates,
    double pBest,
    int stagnationIterations,
    long seed) {

  /** Checks each field; a bad one is named with its value. */
  public AcoParams {
    require(ants >= 1, "ants", ants);
    require(alpha >= 0, "alpha", alpha);
    require(beta >= 0, "beta", beta);
    require(evaporation > 0 && evaporation < 1, "evaporation", evaporation);
    require(candidates >= 1, "candidates", candidates);
    require(pBest > 0 && pBest < 1, "pBest", pBest);
    require(stagnationIterations >= 1, "stagnationIterations", stagnationIterations);
  }

  /** 10 ants, α 1, β 2, ρ 0.2, 15 candidates, pBest 0.05, reset after 100 idle iterations. */
  public static AcoParams defaults(long seed) {
    return new AcoParams(10, 1, 2, 0.2, 15, 0.05, 100, seed);
  }

  /** A copy with another number of ants. */
  public AcoParams withAnts(int ants) {
    return new AcoParams(
        ants, alpha, beta, evaporation, candidates, pBest, stagnationIterations, seed);
  }

  /** A copy with another seed. */
  public AcoParams withSeed(long seed) {
    return new AcoParams(
        ants, alpha, beta, evaporation, candidates, pBest, stagnationIterations, seed);
  }

  private static void require(boolean ok, String field, double value) {
    if (!ok) {
      throw new IllegalArgumentException("invalid ACO " + field + ": " + value);
    }
  }
}
