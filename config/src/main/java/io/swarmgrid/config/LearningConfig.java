package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

/**
 * The consensus engine's learned success model ({@code swarmgrid.consensus.learning}).
 *
 * @param enabled whether the model is trained and consulted
 * @param gate whether an approval whose predicted success is under its type's learned threshold is
 *     turned into a rejection (true), or the prediction is only recorded (false)
 * @param retrainSeconds how often the oldest member retrains from reported outcomes, 1..86400
 * @param minExamples reported outcomes needed before the first model, 20..1000000
 * @param maxExamples most recent outcomes used for training (and kept), 20..1000000
 * @param defaultThreshold threshold of a decision type with too few outcomes, 0..1
 * @param minRecall share of a type's successes the learned threshold must still approve, 0.5..1
 */
public record LearningConfig(
    boolean enabled,
    boolean gate,
    int retrainSeconds,
    int minExamples,
    int maxExamples,
    double defaultThreshold,
    double minRecall) {

  /** The bundled defaults. */
  public static final LearningConfig DEFAULTS =
      new LearningConfig(true, true, 60, 50, 10_000, 0.5, 0.8);

  /** Validates every field. */
  public LearningConfig {
    range("retrain-seconds", retrainSeconds, 1, 86_400);
    range("min-examples", minExamples, 20, 1_000_000);
    range("max-examples", maxExamples, 20, 1_000_000);
    if (maxExamples < minExamples) {
      throw new SwarmConfigException(
          "max-examples", maxExamples, "at least min-examples (" + minExamples + ")");
    }
    range("default-threshold", defaultThreshold, 0.0, 1.0);
    range("min-recall", minRecall, 0.5, 1.0);
  }
}
