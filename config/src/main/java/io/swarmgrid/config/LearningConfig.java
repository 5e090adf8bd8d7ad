package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.Objects;

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

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(LearningConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static LearningConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link LearningConfig}; each setter rejects a bad value at once, {@link #build} checks
   * the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.consensus.learning";

    private boolean enabled;
    private boolean gate;
    private int retrainSeconds;
    private int minExamples;
    private int maxExamples;
    private double defaultThreshold;
    private double minRecall;

    private Builder(LearningConfig c) {
      enabled = c.enabled;
      gate = c.gate;
      retrainSeconds = c.retrainSeconds;
      minExamples = c.minExamples;
      maxExamples = c.maxExamples;
      defaultThreshold = c.defaultThreshold;
      minRecall = c.minRecall;
    }

    /** Whether the model is trained and consulted. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Whether an approval whose predicted success is under its type's learned threshold is turned
     * into a rejection (true), or the prediction is only recorded (false).
     */
    public Builder gate(boolean gate) {
      this.gate = gate;
      return this;
    }

    /** How often the oldest member retrains from reported outcomes, 1..86400. */
    public Builder retrainSeconds(int retrainSeconds) {
      this.retrainSeconds = range(PATH + ".retrain-seconds", retrainSeconds, 1, 86_400);
      return this;
    }

    /** Reported outcomes needed before the first model, 20..1000000. */
    public Builder minExamples(int minExamples) {
      this.minExamples = range(PATH + ".min-examples", minExamples, 20, 1_000_000);
      return this;
    }

    /** Most recent outcomes used for training (and kept), 20..1000000. */
    public Builder maxExamples(int maxExamples) {
      this.maxExamples = range(PATH + ".max-examples", maxExamples, 20, 1_000_000);
      return this;
    }

    /** Threshold of a decision type with too few outcomes, 0..1. */
    public Builder defaultThreshold(double defaultThreshold) {
      this.defaultThreshold = range(PATH + ".default-threshold", defaultThreshold, 0.0, 1.0);
      return this;
    }

    /** Share of a type's successes the learned threshold must still approve, 0.5..1. */
    public Builder minRecall(double minRecall) {
      this.minRecall = range(PATH + ".min-recall", minRecall, 0.5, 1.0);
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public LearningConfig build() {
      try {
        return new LearningConfig(
            enabled, gate, retrainSeconds, minExamples, maxExamples, defaultThreshold, minRecall);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
