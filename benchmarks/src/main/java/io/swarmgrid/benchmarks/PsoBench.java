package io.swarmgrid.benchmarks;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.tasks.swarm.pso.ParticleSwarms;
import io.swarmgrid.tasks.swarm.pso.PsoParams;
import io.swarmgrid.tasks.swarm.pso.PsoVsRandom;
import io.swarmgrid.tasks.swarm.pso.RandomSearch;
import io.swarmgrid.tasks.swarm.pso.TestFunction;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The particle-swarm keys of {@code BENCH swarm}: {@code pso_vs_random} (the plain swarm against
 * random search on the standard test functions, same evaluations and seeds, mean over 5 seeds and
 * its spread), and one swarm on the grid against random search at the same budget and seed.
 */
final class PsoBench {
  static final int DIMENSION = 10;
  static final int PARTICLES = 20;
  static final long BUDGET = 2_000;
  static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

  private PsoBench() {}

  /** The keys, each with a leading space. */
  static String run(HazelcastInstance client) throws InterruptedException {
    PsoVsRandom c =
        PsoVsRandom.compare(
            List.of(TestFunction.values()),
            DIMENSION,
            PARTICLES,
            BUDGET,
            SEEDS,
            PsoParams.defaults());
    String per =
        c.perFunction().entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .map(
                e ->
                    String.format(
                        Locale.ROOT, " pso_vs_random_%s=%.3f", e.getKey().id(), e.getValue()))
            .collect(Collectors.joining());
    ParticleSwarms swarms = new ParticleSwarms(client);
    TestFunction f = TestFunction.RASTRIGIN;
    long started = System.nanoTime();
    swarms.start("bench-rastrigin", f, DIMENSION, PARTICLES, BUDGET, 1);
    ParticleSwarmRecord r = swarms.get("bench-rastrigin").orElseThrow();
    // Bounded by the budget: members stop stepping particles once it is spent.
    while (!r.exhausted() && System.nanoTime() - started < 120_000_000_000L) {
      Thread.sleep(100);
      r = swarms.get("bench-rastrigin").orElseThrow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    swarms.stop("bench-rastrigin");
    double random = RandomSearch.minimise(f, DIMENSION, BUDGET, 1).value();
    System.err.printf(
        Locale.ROOT,
        "pso: vs random %.3f ± %.3f over %d runs; grid rastrigin-%d best %.3f (random %.3f) after"
            + " %d evaluations in %.1f s%n",
        c.mean(),
        c.spread(),
        c.runs(),
        DIMENSION,
        r.bestValue(),
        random,
        r.evaluations(),
        seconds);
    return String.format(
        Locale.ROOT,
        " pso_vs_random=%.3f pso_vs_random_sd=%.3f%s pso_budget=%d pso_grid_rastrigin=%.3f"
            + " random_rastrigin=%.3f pso_grid_seconds=%.1f",
        c.mean(),
        c.spread(),
        per,
        BUDGET,
        r.bestValue(),
        random,
        seconds);
  }
}
