package io.swarmgrid.tasks.swarm.tsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plain-Java MAX–MIN ant system with 2-opt on the shipped TSPLIB instances. */
class MaxMinAntSystemTest {
  @ParameterizedTest
  @CsvSource({"berlin52, 7542", "att48, 10628", "pr76, 108159"})
  void reachesOnePercentOfTheOptimum_within20Seconds(String name, long optimum) {
    TspInstance tsp = Tsplib.readInstance(TsplibTest.TSPLIB.resolve(name + ".tsp"));
    long target = (long) Math.floor(optimum * 1.01);
    AcoResult r =
        MaxMinAntSystem.solve(tsp, AcoParams.defaults(42), Duration.ofSeconds(20), target);
    System.out.printf(
        "%s length=%d gap=%.4f iterations=%d seconds_to_1pct=%.2f%n",
        name, r.length(), r.gap(optimum), r.iterations(), r.secondsToTarget());
    assertThat(tsp.isValid(r.tour())).isTrue();
    assertThat(tsp.tourLength(r.tour())).isEqualTo(r.length());
    assertThat(r.gap(optimum)).isLessThanOrEqualTo(0.01);
  }

  @Test
  void twoOpt_keepsAPermutation_andNeverLengthens() {
    TspInstance tsp = Tsplib.readInstance(TsplibTest.TSPLIB.resolve("pr76.tsp"));
    TourSpace space = new TourSpace(tsp, AcoParams.defaults(1));
    Random random = new Random(7);
    for (int c = 0; c < 50; c++) {
      int[] tour = shuffled(tsp.dimension(), random);
      long before = space.length(tour);
      long after = TwoOpt.improve(space, tour);
      assertThat(tsp.isValid(tour)).isTrue();
      assertThat(after).isEqualTo(tsp.tourLength(tour)).isLessThanOrEqualTo(before);
    }
  }

  private static int[] shuffled(int n, Random random) {
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int x = t[i];
      t[i] = t[j];
      t[j] = x;
    }
    return t;
  }
}
