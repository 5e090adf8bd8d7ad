package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.List;
import java.util.Objects;

/**
 * Distributed learning ({@code swarmgrid.learning}): the defaults a training job started on this
 * member takes for what its spec leaves out, and how this member drives and votes on rounds. (Named
 * apart from {@link LearningConfig}, the consensus engine's learned success model.)
 *
 * @param rule aggregation rule of a job that names none; one of {@link #RULES}
 * @param faulty faulty participants the rule must tolerate, 0..1000
 * @param trimBeta the trimmed mean's beta, 0..0.49
 * @param reputationWeighted weigh updates by their participants' reputation
 * @param rounds rounds of a job, 1..10000
 * @param epochs local passes over a shard per round, 1..100
 * @param learningRate local SGD step, 0.000001..10
 * @param batchSize local minibatch, 1..100000
 * @param outlierFactor an update further than this times the median distance from the aggregate is
 *     filed as evidence; 0 never files, else 1..1000
 * @param maxRoundAttempts attempts of one round (each after a member loss or a missing update)
 *     before the job fails, 1..1000
 * @param trainTimeoutSeconds how long the driver waits for a member to train its shards before the
 *     attempt is retried, s, 1..86400
 * @param voteWindowMillis deadline of a promotion proposal, ms, 100..600000
 * @param promotionMaxDrop this member votes against a candidate model whose held-out accuracy is
 *     more than this below the current model's, 0..1
 */
public record TrainingConfig(
    String rule,
    int faulty,
    double trimBeta,
    boolean reputationWeighted,
    int rounds,
    int epochs,
    double learningRate,
    int batchSize,
    double outlierFactor,
    int maxRoundAttempts,
    int trainTimeoutSeconds,
    long voteWindowMillis,
    double promotionMaxDrop) {

  /** The rule names {@code rule} accepts. */
  public static final List<String> RULES =
      List.of("mean", "median", "trimmed-mean", "krum", "multi-krum");

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final TrainingConfig DEFAULTS =
      new TrainingConfig("mean", 0, 0.1, false, 10, 1, 0.05, 32, 2.0, 10, 600, 20_000L, 0.05);

  /** Validates every field. */
  public TrainingConfig {
    checkRule("rule", rule);
    range("faulty", faulty, 0, 1000);
    range("trim-beta", trimBeta, 0.0, 0.49);
    range("rounds", rounds, 1, 10_000);
    range("epochs", epochs, 1, 100);
    range("learning-rate", learningRate, 0.000001, 10.0);
    range("batch-size", batchSize, 1, 100_000);
    checkOutlierFactor("outlier-factor", outlierFactor);
    range("max-round-attempts", maxRoundAttempts, 1, 1000);
    range("train-timeout-seconds", trainTimeoutSeconds, 1, 86_400);
    range("vote-window-millis", voteWindowMillis, 100L, 600_000L);
    range("promotion-max-drop", promotionMaxDrop, 0.0, 1.0);
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(TrainingConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static TrainingConfig ofDefaults() {
    return DEFAULTS;
  }

  private static String checkRule(String key, String rule) {
    if (rule == null || !RULES.contains(rule)) {
      throw new SwarmConfigException(key, rule, "one of " + String.join(", ", RULES));
    }
    return rule;
  }

  private static double checkOutlierFactor(String key, double factor) {
    if (!(factor == 0 || (factor >= 1 && factor <= 1000))) {
      throw new SwarmConfigException(key, factor, "0 (never file) or a number from 1 to 1000");
    }
    return factor;
  }

  /** Builds a {@link TrainingConfig}; each setter rejects a bad value at once. */
  public static final class Builder {
    private static final String PATH = "swarmgrid.learning";

    private String rule;
    private int faulty;
    private double trimBeta;
    private boolean reputationWeighted;
    private int rounds;
    private int epochs;
    private double learningRate;
    private int batchSize;
    private double outlierFactor;
    private int maxRoundAttempts;
    private int trainTimeoutSeconds;
    private long voteWindowMillis;
    private double promotionMaxDrop;

    private Builder(TrainingConfig c) {
      rule = c.rule;
      faulty = c.faulty;
      trimBeta = c.trimBeta;
      reputationWeighted = c.reputationWeighted;
      rounds = c.rounds;
      epochs = c.epochs;
      learningRate = c.learningRate;
      batchSize = c.batchSize;
      outlierFactor = c.outlierFactor;
      maxRoundAttempts = c.maxRoundAttempts;
      trainTimeoutSeconds = c.trainTimeoutSeconds;
      voteWindowMillis = c.voteWindowMillis;
      promotionMaxDrop = c.promotionMaxDrop;
    }

    /** Aggregation rule of a job that names none; one of {@link #RULES}. */
    public Builder rule(String rule) {
      this.rule = checkRule(PATH + ".rule", rule);
      return this;
    }

    /** Faulty participants the rule must tolerate, 0..1000. */
    public Builder faulty(int faulty) {
      this.faulty = range(PATH + ".faulty", faulty, 0, 1000);
      return this;
    }

    /** The trimmed mean's beta, 0..0.49. */
    public Builder trimBeta(double trimBeta) {
      this.trimBeta = range(PATH + ".trim-beta", trimBeta, 0.0, 0.49);
      return this;
    }

    /** Weigh updates by their participants' reputation. */
    public Builder reputationWeighted(boolean reputationWeighted) {
      this.reputationWeighted = reputationWeighted;
      return this;
    }

    /** Rounds of a job, 1..10000. */
    public Builder rounds(int rounds) {
      this.rounds = range(PATH + ".rounds", rounds, 1, 10_000);
      return this;
    }

    /** Local passes over a shard per round, 1..100. */
    public Builder epochs(int epochs) {
      this.epochs = range(PATH + ".epochs", epochs, 1, 100);
      return this;
    }

    /** Local SGD step, 0.000001..10. */
    public Builder learningRate(double learningRate) {
      this.learningRate = range(PATH + ".learning-rate", learningRate, 0.000001, 10.0);
      return this;
    }

    /** Local minibatch, 1..100000. */
    public Builder batchSize(int batchSize) {
      this.batchSize = range(PATH + ".batch-size", batchSize, 1, 100_000);
      return this;
    }

    /** Outlier factor: 0 never files evidence, else 1..1000. */
    public Builder outlierFactor(double outlierFactor) {
      this.outlierFactor = checkOutlierFactor(PATH + ".outlier-factor", outlierFactor);
      return this;
    }

    /** Attempts of one round before the job fails, 1..1000. */
    public Builder maxRoundAttempts(int maxRoundAttempts) {
      this.maxRoundAttempts = range(PATH + ".max-round-attempts", maxRoundAttempts, 1, 1000);
      return this;
    }

    /** How long a member may train its shards before the attempt is retried, s, 1..86400. */
    public Builder trainTimeoutSeconds(int trainTimeoutSeconds) {
      this.trainTimeoutSeconds =
          range(PATH + ".train-timeout-seconds", trainTimeoutSeconds, 1, 86_400);
      return this;
    }

    /** Deadline of a promotion proposal, ms, 100..600000. */
    public Builder voteWindowMillis(long voteWindowMillis) {
      this.voteWindowMillis = range(PATH + ".vote-window-millis", voteWindowMillis, 100L, 600_000L);
      return this;
    }

    /** Largest accuracy drop this member approves in a promotion, 0..1. */
    public Builder promotionMaxDrop(double promotionMaxDrop) {
      this.promotionMaxDrop = range(PATH + ".promotion-max-drop", promotionMaxDrop, 0.0, 1.0);
      return this;
    }

    /** The config. */
    public TrainingConfig build() {
      try {
        return new TrainingConfig(
            rule,
            faulty,
            trimBeta,
            reputationWeighted,
            rounds,
            epochs,
            learningRate,
            batchSize,
            outlierFactor,
            maxRoundAttempts,
            trainTimeoutSeconds,
            voteWindowMillis,
            promotionMaxDrop);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
