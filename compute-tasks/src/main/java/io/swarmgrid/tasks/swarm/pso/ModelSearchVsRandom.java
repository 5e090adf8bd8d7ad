package io.swarmgrid.tasks.swarm.pso;

import java.util.List;

/**
 * A particle swarm against random search on a hyper-parameter search, at the same number of
 * evaluations and the same seeds: the score of one seed is the swarm's best validation accuracy
 * minus random search's.
 *
 * @param mean the score averaged over the seeds ({@code pso_vs_random})
 * @param spread its standard deviation over the seeds
 * @param psoAccuracy the swarm's best validation accuracy, averaged over the seeds
 * @param randomAccuracy random search's, averaged over the seeds
 * @param runs seeds compared
 */
public record ModelSearchVsRandom(
    double mean, double spread, double psoAccuracy, double randomAccuracy, int runs) {

  /** Runs both searches with each seed. */
  public static ModelSearchVsRandom compare(
      ModelObjective objective, int particles, long budget, List<Long> seeds, PsoParams params) {
    double sum = 0;
    double sumSq = 0;
    double psoSum = 0;
    double randomSum = 0;
    for (long seed : seeds) {
      double pso =
          1
              - ParticleSwarm.minimise(
                      objective, HyperParameters.DIMENSION, particles, budget, seed, params)
                  .value();
      double random =
          1 - RandomSearch.minimise(objective, HyperParameters.DIMENSION, budget, seed).value();
      psoSum += pso;
      randomSum += random;
      sum += pso - random;
      sumSq += (pso - random) * (pso - random);
    }
    int n = seeds.size();
    double mean = n == 0 ? 0 : sum / n;
    double spread = n < 2 ? 0 : Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
    return new ModelSearchVsRandom(
        mean, spread, n == 0 ? 0 : psoSum / n, n == 0 ? 0 : randomSum / n, n);
  }
}
