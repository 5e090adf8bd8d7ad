package io.swarmgrid.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic consensus workload with a hidden rule for success. Each decision type has its own
 * weights over a 4-entry feature vector and its own base rate: success iff {@code w·x + b + noise >
 * 0}. Voters see that latent value with heavy noise plus a per-type bias (over-optimistic on some
 * types), so the weighted approve share is an informative but biased signal; the proposer's
 * confidence is a weaker one.
 */
final class SyntheticDecisions {

  record Type(String name, double[] weights, double bias, double voterBias) {}

  static final List<Type> TYPES =
      List.of(
          new Type("scale-out", new double[] {1.2, -0.8, 0.5, 0.0}, 0.8, 0.3),
          new Type("model-promote", new double[] {0.0, 1.0, 1.0, -0.6}, 0.0, 1.0),
          new Type("config-change", new double[] {-0.7, 0.0, 0.3, 1.2}, -0.7, 0.5),
          new Type("rollback", new double[] {0.5, 0.5, -1.0, 0.0}, 0.3, -0.3));

  private SyntheticDecisions() {}

  static List<DecisionExample> generate(long seed, int count) {
    Random random = new Random(seed);
    List<DecisionExample> examples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Type type = TYPES.get(random.nextInt(TYPES.size()));
      double[] x = new double[4];
      double latent = type.bias() + 0.5 * random.nextGaussian();
      for (int j = 0; j < x.length; j++) {
        x[j] = random.nextGaussian();
        latent += type.weights()[j] * x[j];
      }
      int votes = 5 + random.nextInt(11);
      double approveWeight = 0;
      double totalWeight = 0;
      double confidenceSum = 0;
      for (int v = 0; v < votes; v++) {
        double confidence = 0.4 + 0.6 * random.nextDouble();
        double reputation = 0.4 + 0.6 * random.nextDouble();
        double weight = confidence * reputation;
        double signal = latent + type.voterBias() + 1.2 * random.nextGaussian();
        if (signal > 0) {
          approveWeight += weight;
        }
        totalWeight += weight;
        confidenceSum += confidence;
      }
      double proposerConfidence = 1 / (1 + Math.exp(-(0.7 * latent + random.nextGaussian())));
      examples.add(
          new DecisionExample(
              type.name(),
              random.nextInt(4),
              proposerConfidence,
              x,
              approveWeight / totalWeight,
              confidenceSum / votes,
              votes,
              latent > 0));
    }
    return examples;
  }
}
