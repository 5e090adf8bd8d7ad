package io.swarmgrid.ml.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded property tests: each seed builds updates whose aggregate is known by construction. */
class AggregatorTest {

  static final ModelShape SHAPE = new ModelShape(4, 2); // 10 parameters

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void median_ofOddSet_isTheMiddleValueOfEachCoordinate(long seed) {
    Random r = new Random(seed);
    int n = 2 * r.nextInt(5) + 3;
    double[][] columns = new double[SHAPE.size()][n];
    for (double[] col : columns) {
      for (int i = 0; i < n; i++) {
        col[i] = r.nextGaussian() * 10;
      }
    }
    List<ModelUpdate> updates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] w = new double[SHAPE.size()];
      for (int j = 0; j < w.length; j++) {
        w[j] = columns[j][i];
      }
      updates.add(ModelUpdate.of("p" + i, w, 1 + r.nextInt(100)));
    }
    double[] median =
        Aggregator.aggregate(
                SHAPE, AggregationSpec.of(AggregationRule.MEDIAN, (n - 1) / 2), updates)
            .weights();
    for (int j = 0; j < SHAPE.size(); j++) {
      double[] sorted = columns[j].clone();
      Arrays.sort(sorted);
      assertThat(median[j]).isEqualTo(sorted[n / 2]);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void trimmedMean_withFAttackers_staysWithinHonestRange(long seed) {
    Random r = new Random(seed);
    int f = 1 + r.nextInt(3);
    int n = 2 * f + 1 + r.nextInt(4);
    List<ModelUpdate> updates = honest(r, n - f, 0);
    for (int a = 0; a < f; a++) {
      updates.add(ModelUpdate.of("bad" + a, filled(r.nextBoolean() ? 1e6 : -1e6), 1000));
    }
    double[] t =
        Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.TRIMMED_MEAN, f), updates)
            .weights();
    for (int j = 0; j < SHAPE.size(); j++) {
      final int c = j;
      double lo =
          updates.subList(0, n - f).stream().mapToDouble(u -> u.weights()[c]).min().orElseThrow();
      double hi =
          updates.subList(0, n - f).stream().mapToDouble(u -> u.weights()[c]).max().orElseThrow();
      assertThat(t[j]).isBetween(lo - 1e-12, hi + 1e-12); // rounding of the weighted sum
    }
  }

  @Test
  void trimmedMean_equalValuesAroundKnownCentre_givesTheCentre() {
    List<ModelUpdate> updates = new ArrayList<>();
    double[] values = {-100, 1, 2, 3, 100};
    for (int i = 0; i < values.length; i++) {
      updates.add(ModelUpdate.of("p" + i, filled(values[i]), 1));
    }
    double[] t =
        Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.TRIMMED_MEAN, 1), updates)
            .weights();
    assertThat(t).containsOnly(2.0);
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
  void krum_withNAtLeast2fPlus3_picksAnHonestUpdate(long seed) {
    Random r = new Random(seed);
    int f = 1 + r.nextInt(3);
    int n = 2 * f + 3 + r.nextInt(3);
    List<ModelUpdate> updates = honest(r, n - f, 5);
    // attackers agree among themselves and sit far from the honest cluster
    double[] evil = filled(5 + 50 * (r.nextBoolean() ? 1 : -1));
    for (int a = 0; a < f; a++) {
      updates.add(ModelUpdate.of("bad" + a, evil.clone(), 1));
    }
    java.util.Collections.shuffle(updates, r);
    Aggregate krum =
        Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.KRUM, f), updates);
    assertThat(krum.selected()).hasSize(1).allMatch(p -> p.startsWith("h"));
    Aggregate multi =
        Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MULTI_KRUM, f), updates);
    assertThat(multi.selected()).hasSize(n - f).allMatch(p -> p.startsWith("h"));
  }

  @Test
  void mean_isWeightedBySamples() {
    List<ModelUpdate> updates =
        List.of(ModelUpdate.of("a", filled(1), 1), ModelUpdate.of("b", filled(4), 3));
    double[] m =
        Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MEAN, 0), updates).weights();
    assertThat(m).containsOnly(3.25);
  }

  @Test
  void reputationWeighted_zeroReputation_hasNoSay() {
    List<ModelUpdate> updates =
        List.of(
            new ModelUpdate("a", filled(1), 10, 1.0),
            new ModelUpdate("b", filled(2), 10, 1.0),
            new ModelUpdate("c", filled(500), 10, 0.0));
    AggregationSpec mean = AggregationSpec.of(AggregationRule.MEAN, 0).withReputation();
    assertThat(Aggregator.aggregate(SHAPE, mean, updates).weights()).containsOnly(1.5);
    AggregationSpec median = AggregationSpec.of(AggregationRule.MEDIAN, 1).withReputation();
    assertThat(Aggregator.aggregate(SHAPE, median, updates).weights()).containsOnly(1.0);
  }

  @Test
  void distances_areL2FromTheAggregate() {
    List<ModelUpdate> updates =
        List.of(ModelUpdate.of("a", filled(0), 1), ModelUpdate.of("b", filled(2), 1));
    Aggregate a = Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MEAN, 0), updates);
    assertThat(a.distances().get("a")).isCloseTo(Math.sqrt(10), within(1e-12));
  }

  @Test
  void ruleThatCannotTolerateF_isRefusedNamingRuleNAndF() {
    List<ModelUpdate> six = honest(new Random(1), 6, 0);
    assertThatThrownBy(
            () -> Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.KRUM, 2), six))
        .hasMessage("rule KRUM cannot tolerate faulty=2 of n=6 updates: it needs n >= 2f + 3");
    assertThatThrownBy(
            () -> Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MEAN, 1), six))
        .hasMessageContaining("it needs f = 0");
    assertThatThrownBy(
            () -> Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MEDIAN, 3), six))
        .hasMessageContaining("n >= 2f + 1");
    assertThatThrownBy(
            () ->
                Aggregator.aggregate(
                    SHAPE, AggregationSpec.of(AggregationRule.TRIMMED_MEAN, 3), six))
        .hasMessageContaining("faulty=3 of n=6");
  }

  @Test
  void badUpdates_areRefusedNamingTheParticipant() {
    List<ModelUpdate> updates = new ArrayList<>(honest(new Random(2), 3, 0));
    updates.add(ModelUpdate.of("short", new double[3], 1));
    assertThatThrownBy(
            () ->
                Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MEDIAN, 1), updates))
        .hasMessage("update of short has 3 parameters, the model has 10 (2 x 4 + 2)");
    double[] nan = filled(1);
    nan[7] = Double.NaN;
    updates.set(3, ModelUpdate.of("nan", nan, 1));
    assertThatThrownBy(
            () ->
                Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MEDIAN, 1), updates))
        .hasMessage("update of nan parameter 7 is NaN");
    updates.set(3, ModelUpdate.of("h0", filled(1), 1));
    assertThatThrownBy(
            () ->
                Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MEDIAN, 1), updates))
        .hasMessage("two updates of participant h0");
  }

  @Test
  void signFlip_reversesTheStep_andLittleIsEnough_staysInsideTheSpread() {
    double[] global = filled(1);
    double[] honest = filled(2);
    double[] flipped =
        PoisonAttack.SIGN_FLIP.poison(global, honest, List.of(honest), 3, new Random(1));
    assertThat(flipped).containsOnly(-2.0);
    List<double[]> colluders = List.of(filled(1), filled(3));
    double[] lie =
        PoisonAttack.LITTLE_IS_ENOUGH.poison(global, honest, colluders, 0.5, new Random(1));
    assertThat(lie).containsOnly(1.5); // mean 2, std 1
    assertThat(PoisonAttack.LABEL_FLIP.labelMap(10).applyAsInt(2)).isEqualTo(7);
  }

  @Test
  void gaussian_isCentredOnTheGlobalModel_withTheGivenSpread() {
    double[] global = new double[10_000];
    Arrays.fill(global, 3);
    double[] noisy =
        PoisonAttack.GAUSSIAN.poison(global, global, List.of(global), 2, new Random(7));
    double mean = Arrays.stream(noisy).average().orElseThrow();
    double var = Arrays.stream(noisy).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
    assertThat(mean).isCloseTo(3, within(0.1));
    assertThat(Math.sqrt(var)).isCloseTo(2, within(0.1));
  }

  @Test
  void median_underLittleIsEnough_staysInsideTheHonestRange() {
    Random r = new Random(3);
    List<ModelUpdate> updates = honest(r, 7, 0);
    List<double[]> seen = updates.stream().map(ModelUpdate::weights).toList();
    double[] lie = PoisonAttack.LITTLE_IS_ENOUGH.poison(filled(0), seen.get(0), seen, 1, r);
    for (int a = 0; a < 3; a++) {
      updates.add(ModelUpdate.of("bad" + a, lie.clone(), 1));
    }
    double[] m =
        Aggregator.aggregate(SHAPE, AggregationSpec.of(AggregationRule.MEDIAN, 3), updates)
            .weights();
    for (int j = 0; j < SHAPE.size(); j++) {
      final int c = j;
      double lo = seen.stream().mapToDouble(w -> w[c]).min().orElseThrow();
      double hi = seen.stream().mapToDouble(w -> w[c]).max().orElseThrow();
      assertThat(m[j]).isBetween(lo, hi);
    }
  }

  static List<ModelUpdate> honest(Random r, int n, double centre) {
    List<ModelUpdate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] w = new double[SHAPE.size()];
      for (int j = 0; j < w.length; j++) {
        w[j] = centre + r.nextGaussian() * 0.1;
      }
      out.add(ModelUpdate.of("h" + i, w, 1 + r.nextInt(50)));
    }
    return out;
  }

  static double[] filled(double v) {
    double[] w = new double[SHAPE.size()];
    Arrays.fill(w, v);
    return w;
  }
}
