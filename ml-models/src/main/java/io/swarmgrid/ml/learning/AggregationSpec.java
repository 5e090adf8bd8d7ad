package io.swarmgrid.ml.learning;

/**
 * A rule with its parameters: the number of faulty participants {@code faulty} to tolerate, the
 * trimmed mean's {@code trimBeta} in [0, 0.5), Multi-Krum's {@code krumSelect} (0 means {@code n -
 * f}), and whether each update's weight is multiplied by its participant's reputation (the
 * reputation-weighted variants; the median becomes a weighted median).
 */
public record AggregationSpec(
    AggregationRule rule, int faulty, double trimBeta, int krumSelect, boolean reputationWeighted) {

  /** Checks the values. */
  public AggregationSpec {
    if (rule == null) {
      throw new IllegalArgumentException("rule is missing");
    }
    if (faulty < 0) {
      throw new IllegalArgumentException("faulty must be >= 0, was " + faulty);
    }
    if (!(trimBeta >= 0 && trimBeta < 0.5)) {
      throw new IllegalArgumentException("trimBeta must be in [0, 0.5), was " + trimBeta);
    }
    if (krumSelect < 0) {
      throw new IllegalArgumentException("krumSelect must be >= 0, was " + krumSelect);
    }
  }

  /** {@code rule} tolerating {@code faulty}, trimmed mean beta 0.1, not reputation-weighted. */
  public static AggregationSpec of(AggregationRule rule, int faulty) {
    return new AggregationSpec(rule, faulty, 0.1, 0, false);
  }

  /** The same spec, reputation-weighted. */
  public AggregationSpec withReputation() {
    return new AggregationSpec(rule, faulty, trimBeta, krumSelect, true);
  }

  /** The same spec tolerating {@code f} faulty participants. */
  public AggregationSpec withFaulty(int f) {
    return new AggregationSpec(rule, f, trimBeta, krumSelect, reputationWeighted);
  }

  /** Refuses {@code n} updates when the rule cannot tolerate {@code faulty} of them. */
  public void checkTolerates(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("no updates to aggregate");
    }
    if (!rule.tolerates(n, faulty, trimBeta)) {
      throw new IllegalArgumentException(
          "rule "
              + rule
              + " cannot tolerate faulty="
              + faulty
              + " of n="
              + n
              + " updates: it needs "
              + rule.requirement());
    }
  }
}
