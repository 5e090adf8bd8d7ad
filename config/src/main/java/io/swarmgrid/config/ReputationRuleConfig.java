package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.fraction;
import static io.swarmgrid.config.internal.Checks.range;

import java.util.Objects;

/**
 * The weights of the reputation update rule ({@code swarmgrid.fault.reputation}). Gains move a
 * score a fraction of the way up towards 1, losses a fraction of the way down towards 0, so scores
 * stay in 0..1 whatever the sequence of events. Losses are much larger than gains on purpose: trust
 * is earned slowly and lost at once.
 *
 * @param successGain fraction of the distance to 1 gained by a successful task or correct vote,
 *     0..1
 * @param failureLoss fraction of the score lost by a failed task, 0..1
 * @param timeoutLoss fraction of the score lost by a timeout, 0..1
 * @param wrongVoteLoss fraction of the score lost by a vote that the reported outcome proved wrong,
 *     0..1
 * @param evidenceLoss fraction of the score lost by a piece of self-proving evidence (two validly
 *     signed, different messages by the accused, e.g. equivocation), 0..1
 * @param reportedEvidenceLoss fraction of the score lost by evidence that only the reporter's
 *     signature vouches for (a result that disagrees with the majority, a forged message), 0..1
 * @param decayHalfLifeSeconds time in which half of a score's distance to neutral is forgiven, for
 *     a node without evidence against it; each piece of evidence multiplies it by {@code 1 +
 *     evidence count}, 1..31536000
 */
public record ReputationRuleConfig(
    double successGain,
    double failureLoss,
    double timeoutLoss,
    double wrongVoteLoss,
    double evidenceLoss,
    double reportedEvidenceLoss,
    long decayHalfLifeSeconds) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final ReputationRuleConfig DEFAULTS =
      new ReputationRuleConfig(0.02, 0.10, 0.05, 0.15, 0.60, 0.25, 3600);

  /** Validates every field. */
  public ReputationRuleConfig {
    fraction("success-gain", successGain);
    fraction("failure-loss", failureLoss);
    fraction("timeout-loss", timeoutLoss);
    fraction("wrong-vote-loss", wrongVoteLoss);
    fraction("evidence-loss", evidenceLoss);
    fraction("reported-evidence-loss", reportedEvidenceLoss);
    range("decay-half-life-seconds", decayHalfLifeSeconds, 1, 31_536_000);
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(ReputationRuleConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static ReputationRuleConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link ReputationRuleConfig}; each setter rejects a bad value at once, {@link #build}
   * checks the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.fault.reputation";

    private double successGain;
    private double failureLoss;
    private double timeoutLoss;
    private double wrongVoteLoss;
    private double evidenceLoss;
    private double reportedEvidenceLoss;
    private long decayHalfLifeSeconds;

    private Builder(ReputationRuleConfig c) {
      successGain = c.successGain;
      failureLoss = c.failureLoss;
      timeoutLoss = c.timeoutLoss;
      wrongVoteLoss = c.wrongVoteLoss;
      evidenceLoss = c.evidenceLoss;
      reportedEvidenceLoss = c.reportedEvidenceLoss;
      decayHalfLifeSeconds = c.decayHalfLifeSeconds;
    }

    /** Fraction of the distance to 1 gained by a successful task or correct vote, 0..1. */
    public Builder successGain(double successGain) {
      this.successGain = fraction(PATH + ".success-gain", successGain);
      return this;
    }

    /** Fraction of the score lost by a failed task, 0..1. */
    public Builder failureLoss(double failureLoss) {
      this.failureLoss = fraction(PATH + ".failure-loss", failureLoss);
      return this;
    }

    /** Fraction of the score lost by a timeout, 0..1. */
    public Builder timeoutLoss(double timeoutLoss) {
      this.timeoutLoss = fraction(PATH + ".timeout-loss", timeoutLoss);
      return this;
    }

    /** Fraction of the score lost by a vote that the reported outcome proved wrong, 0..1. */
    public Builder wrongVoteLoss(double wrongVoteLoss) {
      this.wrongVoteLoss = fraction(PATH + ".wrong-vote-loss", wrongVoteLoss);
      return this;
    }

    /**
     * Fraction of the score lost by a piece of self-proving evidence (two validly signed, different
     * messages by the accused, e.g. equivocation), 0..1.
     */
    public Builder evidenceLoss(double evidenceLoss) {
      this.evidenceLoss = fraction(PATH + ".evidence-loss", evidenceLoss);
      return this;
    }

    /**
     * Fraction of the score lost by evidence that only the reporter's signature vouches for (a
     * result that disagrees with the majority, a forged message), 0..1.
     */
    public Builder reportedEvidenceLoss(double reportedEvidenceLoss) {
      this.reportedEvidenceLoss = fraction(PATH + ".reported-evidence-loss", reportedEvidenceLoss);
      return this;
    }

    /**
     * Time in which half of a score's distance to neutral is forgiven, for a node without evidence
     * against it; each piece of evidence multiplies it by {@code 1 + evidence count}, 1..31536000.
     */
    public Builder decayHalfLifeSeconds(long decayHalfLifeSeconds) {
      this.decayHalfLifeSeconds =
          range(PATH + ".decay-half-life-seconds", decayHalfLifeSeconds, 1, 31_536_000);
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public ReputationRuleConfig build() {
      try {
        return new ReputationRuleConfig(
            successGain,
            failureLoss,
            timeoutLoss,
            wrongVoteLoss,
            evidenceLoss,
            reportedEvidenceLoss,
            decayHalfLifeSeconds);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
