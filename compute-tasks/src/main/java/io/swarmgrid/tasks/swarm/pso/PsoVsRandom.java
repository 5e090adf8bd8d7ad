package io.swarmgrid.tasks.swarm.pso;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Particle swarm against random search at the same number of evaluations and the same seeds. The
 * score of one run is the share by which the swarm's best is below random search's best, {@code
 * (random − pso) / random}: 1 when the swarm finds the optimum and random search does not, 0 when
 * they tie, negative when random search is better.
 *
 * @param mean the score averaged over every function and seed ({@code pso_vs_random})
 * @param spread its standard deviation over the same runs
 * @param perFunction the score of each function, averaged over the seeds
 * @param runs runs compared
 */
public record PsoVsRandom(
    double mean, double spread, Map<TestFunction, Double> perFunction, int runs) {

  /** Copies the map. */
  public PsoVsRandom {
    perFunction = Map.copyOf(perFunction);
  }

  /** Runs both searches on each function and seed. */
  public static PsoVsRandom compare(
      List<TestFunction> functions,
      int dimension,
      int particles,
      long budget,
      List<Long> seeds,
      PsoParams params) {
    Map<TestFunction, Double> per = new EnumMap<>(TestFunction.class);
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (TestFunction f : functions) {
      double fSum = 0;
      for (long seed : seeds) {
        double pso = ParticleSwarm.minimise(f, dimension, particles, budget, seed, params).value();
        double random = RandomSearch.minimise(f, dimension, budget, seed).value();
        double score = random <= 0 ? 0 : (random - pso) / random;
        fSum += score;
        sum += score;
        sumSq += score * score;
        n++;
      }
      per.put(f, fSum / seeds.size());
    }
    double mean = n == 0 ? 0 : sum / n;
    double spread = n < 2 ? 0 : Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
    return new PsoVsRandom(mean, spread, per, n);
  }
}
