package io.swarmgrid.tasks.learning;

import io.swarmgrid.config.TrainingConfig;
import io.swarmgrid.ml.learning.AggregationRule;
import io.swarmgrid.ml.learning.PoisonAttack;
import java.util.Locale;
import java.util.Objects;

/**
 * What a training job trains and how it aggregates. Build with {@link #builder}; each setter
 * rejects a bad value at once, naming the field and the value.
 *
 * @param dataName training set in {@code swarm.learning.data} (one participant per shard)
 * @param testName held-out set in {@code swarm.learning.data}
 * @param rule aggregation rule
 * @param faulty faulty participants the rule must tolerate
 * @param trimBeta the trimmed mean's beta, [0, 0.5)
 * @param reputationWeighted weigh updates by their participants' reputation
 * @param rounds rounds, 1..10000
 * @param epochs local passes per round, 1..100
 * @param learningRate local SGD step, (0, 10]
 * @param batchSize local minibatch, 1..100000
 * @param attack what the attacking participants do ({@code NONE} for none)
 * @param attackers participants that attack: those of shards {@code 0 .. attackers - 1}
 * @param attackStrength sign-flip scale, noise deviation or little-is-enough z, >= 0
 * @param outlierFactor updates further than this times the median distance from the aggregate are
 *     filed as evidence; 0 never files, else >= 1
 */
public record TrainingJobSpec(
    String dataName,
    String testName,
    AggregationRule rule,
    int faulty,
    double trimBeta,
    boolean reputationWeighted,
    int rounds,
    int epochs,
    double learningRate,
    int batchSize,
    PoisonAttack attack,
    int attackers,
    double attackStrength,
    double outlierFactor) {

  /**
   * A builder for training on {@code dataName}, measured on {@code testName}, starting from the
   * bundled {@code swarmgrid.learning} defaults.
   */
  public static Builder builder(String dataName, String testName) {
    return builder(dataName, testName, TrainingConfig.DEFAULTS);
  }

  /**
   * A builder starting from {@code defaults} (a member's {@code swarmgrid.learning} section): the
   * rule, f, beta, reputation weights, rounds, local epochs, rate, batch and outlier factor.
   */
  public static Builder builder(String dataName, String testName, TrainingConfig defaults) {
    Objects.requireNonNull(defaults, "defaults");
    return new Builder(dataName, testName)
        .rule(rule(defaults.rule()))
        .faulty(defaults.faulty())
        .trimBeta(defaults.trimBeta())
        .reputationWeighted(defaults.reputationWeighted())
        .rounds(defaults.rounds())
        .epochs(defaults.epochs())
        .learningRate(defaults.learningRate())
        .batchSize(defaults.batchSize())
        .outlierFactor(defaults.outlierFactor());
  }

  /** The rule a config name means: {@code trimmed-mean} is {@link AggregationRule#TRIMMED_MEAN}. */
  public static AggregationRule rule(String configName) {
    return AggregationRule.valueOf(configName.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** Builds a {@link TrainingJobSpec}. */
  public static final class Builder {
    private final String dataName;
    private final String testName;
    private AggregationRule rule;
    private int faulty;
    private double trimBeta;
    private boolean reputationWeighted;
    private int rounds;
    private int epochs;
    private double learningRate;
    private int batchSize;
    private PoisonAttack attack = PoisonAttack.NONE;
    private int attackers;
    private double attackStrength = 4;
    private double outlierFactor;

    private Builder(String dataName, String testName) {
      this.dataName = name("dataName", dataName);
      this.testName = name("testName", testName);
    }

    /** The aggregation rule (default {@code MEAN}). */
    public Builder rule(AggregationRule rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /** Faulty participants the rule must tolerate (default 0). */
    public Builder faulty(int faulty) {
      this.faulty = atLeast("faulty", faulty, 0);
      return this;
    }

    /** The trimmed mean's beta, [0, 0.5) (default 0.1). */
    public Builder trimBeta(double beta) {
      if (!(beta >= 0 && beta < 0.5)) {
        throw new IllegalArgumentException("trimBeta must be in [0, 0.5), was " + beta);
      }
      this.trimBeta = beta;
      return this;
    }

    /** Weigh updates by reputation (default false). */
    public Builder reputationWeighted(boolean on) {
      this.reputationWeighted = on;
      return this;
    }

    /** Rounds, 1..10000 (default 10). */
    public Builder rounds(int rounds) {
      this.rounds = between("rounds", rounds, 1, 10_000);
      return this;
    }

    /** Local epochs per round, 1..100 (default 1). */
    public Builder epochs(int epochs) {
      this.epochs = between("epochs", epochs, 1, 100);
      return this;
    }

    /** Local SGD step, (0, 10] (default 0.05). */
    public Builder learningRate(double rate) {
      if (!(rate > 0 && rate <= 10)) {
        throw new IllegalArgumentException("learningRate must be in (0, 10], was " + rate);
      }
      this.learningRate = rate;
      return this;
    }

    /** Local minibatch, 1..100000 (default 32). */
    public Builder batchSize(int size) {
      this.batchSize = between("batchSize", size, 1, 100_000);
      return this;
    }

    /** {@code attackers} participants (shards 0..attackers-1) attack with {@code attack}. */
    public Builder attack(PoisonAttack attack, int attackers, double strength) {
      this.attack = Objects.requireNonNull(attack, "attack");
      this.attackers = atLeast("attackers", attackers, 0);
      if (!(strength >= 0) || !Double.isFinite(strength)) {
        throw new IllegalArgumentException("attackStrength must be >= 0, was " + strength);
      }
      this.attackStrength = strength;
      return this;
    }

    /** Outlier factor: 0 files no evidence, else >= 1 (default 2). */
    public Builder outlierFactor(double factor) {
      if (!(factor == 0 || (factor >= 1 && Double.isFinite(factor)))) {
        throw new IllegalArgumentException("outlierFactor must be 0 or >= 1, was " + factor);
      }
      this.outlierFactor = factor;
      return this;
    }

    /** The spec. */
    public TrainingJobSpec build() {
      return new TrainingJobSpec(
          dataName,
          testName,
          rule,
          faulty,
          trimBeta,
          reputationWeighted,
          rounds,
          epochs,
          learningRate,
          batchSize,
          attack,
          attackers,
          attackStrength,
          outlierFactor);
    }

    private static String name(String field, String value) {
      if (value == null || value.isBlank() || value.contains("/")) {
        throw new IllegalArgumentException(
            field + " must be a non-empty name without '/', was '" + value + "'");
      }
      return value;
    }

    private static int atLeast(String field, int v, int min) {
      if (v < min) {
        throw new IllegalArgumentException(field + " must be >= " + min + ", was " + v);
      }
      return v;
    }

    private static int between(String field, int v, int min, int max) {
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            field + " must be in " + min + ".." + max + ", was " + v);
      }
      return v;
    }
  }
}
