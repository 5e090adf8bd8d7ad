package io.swarmgrid.ml.learning;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates a round's updates under an {@link AggregationSpec}. Every update is checked first
 * (shape, finite values, one update per participant) and the rule's tolerance of {@code f} for
 * {@code n}; any failure throws before anything is computed.
 */
public final class Aggregator {

  private Aggregator() {}

  /** The aggregate of {@code updates} under {@code spec}. */
  public static Aggregate aggregate(
      ModelShape shape, AggregationSpec spec, List<ModelUpdate> updates) {
    check(shape, spec, updates);
    double[] mass = new double[updates.size()];
    for (int i = 0; i < mass.length; i++) {
      ModelUpdate u = updates.get(i);
      mass[i] = u.samples() * (spec.reputationWeighted() ? u.reputation() : 1.0);
    }
    List<String> everyone = updates.stream().map(ModelUpdate::participant).toList();
    return switch (spec.rule()) {
      case MEAN -> result(CoordinateRules.mean(updates, mass), everyone, updates);
      case MEDIAN ->
          result(
              spec.reputationWeighted()
                  ? CoordinateRules.weightedMedian(updates, mass)
                  : CoordinateRules.median(updates),
              everyone,
              updates);
      case TRIMMED_MEAN ->
          result(
              CoordinateRules.trimmedMean(
                  updates,
                  mass,
                  AggregationRule.trimCount(updates.size(), spec.faulty(), spec.trimBeta())),
              everyone,
              updates);
      case KRUM -> krum(updates, mass, spec.faulty(), 1);
      case MULTI_KRUM ->
          krum(
              updates,
              mass,
              spec.faulty(),
              spec.krumSelect() == 0 ? updates.size() - spec.faulty() : spec.krumSelect());
    };
  }

  private static Aggregate krum(List<ModelUpdate> updates, double[] mass, int f, int m) {
    int[] chosen = KrumScores.best(updates, f, Math.min(m, updates.size()));
    List<ModelUpdate> picked = new java.util.ArrayList<>();
    double[] pickedMass = new double[chosen.length];
    for (int k = 0; k < chosen.length; k++) {
      picked.add(updates.get(chosen[k]));
      pickedMass[k] = mass[chosen[k]];
    }
    return result(
        CoordinateRules.mean(picked, pickedMass),
        picked.stream().map(ModelUpdate::participant).toList(),
        updates);
  }

  private static Aggregate result(double[] w, List<String> selected, List<ModelUpdate> updates) {
    Map<String, Double> distances = new HashMap<>();
    for (ModelUpdate u : updates) {
      distances.put(u.participant(), Math.sqrt(KrumScores.squaredDistance(u.weights(), w)));
    }
    return new Aggregate(w, selected, distances);
  }

  private static void check(ModelShape shape, AggregationSpec spec, List<ModelUpdate> updates) {
    if (updates == null) {
      throw new IllegalArgumentException("updates are missing");
    }
    Set<String> seen = new HashSet<>();
    for (ModelUpdate u : updates) {
      shape.check("update of " + u.participant(), u.weights());
      if (!seen.add(u.participant())) {
        throw new IllegalArgumentException("two updates of participant " + u.participant());
      }
    }
    spec.checkTolerates(updates.size());
    if (spec.reputationWeighted()
        && updates.stream().mapToDouble(ModelUpdate::reputation).sum() <= 0) {
      throw new IllegalArgumentException("every participant has reputation 0: nothing to weigh");
    }
  }
}
