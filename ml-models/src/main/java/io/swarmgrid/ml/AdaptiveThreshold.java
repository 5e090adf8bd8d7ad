package io.swarmgrid.ml;

import io.swarmgrid.ml.internal.ModelChecks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The predicted-success probability a proposal of each decision type must reach to be approved.
 * Immutable and thread-safe.
 *
 * <p><b>The rule.</b> For each decision type, from held-out predictions and the outcomes that
 * followed ({@link ScoredOutcome}, e.g. {@link DecisionOutcomeModel#heldOutScores()}): approve when
 * {@code predictedSuccess >= t}, where {@code t} is the <em>highest</em> threshold that still
 * approves at least {@link Builder#minRecall(double) minRecall} (default 0.8) of the decisions that
 * succeeded. Raising a threshold can only remove approvals, so this {@code t} makes the fewest
 * wrong approvals (approved decisions that failed) among all thresholds that keep that share of the
 * correct ones. Concretely, with {@code S} successes of the type sorted by score from high to low,
 * {@code t} is the score of the {@code ceil(minRecall × S)}-th.
 *
 * <p>A type with fewer than {@link Builder#minExamples(int) minExamples} (default 50) scored
 * outcomes, or with no success among them, and any type never seen, uses the fixed {@link
 * Builder#defaultThreshold(double) default threshold} (default 0.5).
 */
public final class AdaptiveThreshold {

  /** Default threshold for types without enough data: 0.5. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  /** Default fewest scored outcomes of a type before its threshold is learned: 50. */
  public static final int DEFAULT_MIN_EXAMPLES = 50;

  /** Default share of successful decisions a learned threshold keeps approving: 0.8. */
  public static final double DEFAULT_MIN_RECALL = 0.8;

  private final double defaultThreshold;
  private final Map<String, Double> learned;

  private AdaptiveThreshold(double defaultThreshold, Map<String, Double> learned) {
    this.defaultThreshold = defaultThreshold;
    this.learned = Collections.unmodifiableMap(new TreeMap<>(learned));
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Learns with the defaults from a model's held-out scores. */
  public static AdaptiveThreshold learn(DecisionOutcomeModel model) {
    ModelChecks.notNull("model", model);
    return builder().learn(model.heldOutScores());
  }

  /** The same threshold for every type, in [0, 1]. */
  public static AdaptiveThreshold fixed(double threshold) {
    return new AdaptiveThreshold(ModelChecks.fraction("threshold", threshold), Map.of());
  }

  /** Threshold for a decision type: the learned one, else the default. */
  public double threshold(String decisionType) {
    ModelChecks.notNull("decisionType", decisionType);
    return learned.getOrDefault(decisionType, defaultThreshold);
  }

  /** Whether a proposal of this type with this predicted success probability should be approved. */
  public boolean approve(String decisionType, double predictedSuccess) {
    ModelChecks.fraction("predictedSuccess", predictedSuccess);
    return predictedSuccess >= threshold(decisionType);
  }

  /** The learned thresholds by decision type (types on the default are absent), sorted by type. */
  public Map<String, Double> learnedThresholds() {
    return learned;
  }

  /** The threshold used for types without a learned one. */
  public double defaultThreshold() {
    return defaultThreshold;
  }

  @Override
  public String toString() {
    return "AdaptiveThreshold{default=" + defaultThreshold + ", learned=" + learned + "}";
  }

  /** Settings for learning an {@link AdaptiveThreshold}; each rejects a bad value at once. */
  public static final class Builder {

    private double defaultThreshold = DEFAULT_THRESHOLD;
    private int minExamples = DEFAULT_MIN_EXAMPLES;
    private double minRecall = DEFAULT_MIN_RECALL;

    private Builder() {}

    /** Threshold for types without enough data, in [0, 1]; default 0.5. */
    public Builder defaultThreshold(double threshold) {
      this.defaultThreshold = ModelChecks.fraction("defaultThreshold", threshold);
      return this;
    }

    /** Fewest scored outcomes a type needs for a learned threshold, {@code > 0}; default 50. */
    public Builder minExamples(int minExamples) {
      this.minExamples = ModelChecks.positive("minExamples", minExamples);
      return this;
    }

    /**
     * Share of successful decisions a learned threshold keeps approving, in (0, 1]; default 0.8.
     */
    public Builder minRecall(double minRecall) {
      if (!(minRecall > 0.0 && minRecall <= 1.0)) {
        throw new IllegalArgumentException("minRecall must be in (0, 1], got " + minRecall);
      }
      this.minRecall = minRecall;
      return this;
    }

    /** Learns per-type thresholds by the rule in {@link AdaptiveThreshold}'s description. */
    public AdaptiveThreshold learn(Collection<ScoredOutcome> scored) {
      ModelChecks.notNull("scored", scored);
      Map<String, List<ScoredOutcome>> byType = new HashMap<>();
      for (ScoredOutcome s : scored) {
        ModelChecks.notNull("scored outcome", s);
        byType.computeIfAbsent(s.decisionType(), t -> new ArrayList<>()).add(s);
      }
      Map<String, Double> learned = new HashMap<>();
      for (Map.Entry<String, List<ScoredOutcome>> entry : byType.entrySet()) {
        List<ScoredOutcome> outcomes = entry.getValue();
        if (outcomes.size() < minExamples) {
          continue;
        }
        double[] successScores =
            outcomes.stream()
                .filter(ScoredOutcome::success)
                .mapToDouble(ScoredOutcome::predictedSuccess)
                .sorted()
                .toArray();
        if (successScores.length == 0) {
          continue;
        }
        int keep = (int) Math.ceil(minRecall * successScores.length - 1e-9);
        keep = Math.max(1, Math.min(successScores.length, keep));
        // ascending order: the keep-th highest score sits at length - keep
        learned.put(entry.getKey(), successScores[successScores.length - keep]);
      }
      return new AdaptiveThreshold(defaultThreshold, learned);
    }
  }
}
