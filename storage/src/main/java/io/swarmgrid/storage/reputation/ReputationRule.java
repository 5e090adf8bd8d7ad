package io.swarmgrid.storage.reputation;

import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.ReputationRuleConfig;
import java.io.Serializable;

/**
 * The reputation update rule. Pure arithmetic, applied next to the entry by {@link
 * ReputationStore#record}; the same rule runs on every member and client, since it is shipped with
 * each update.
 *
 * <p>Each update first lets time pass, then applies the event, then decides quarantine:
 *
 * <ol>
 *   <li><b>Decay towards neutral.</b> {@code s = N + (s - N) * 2^(-dt / h)}, with {@code N} =
 *       {@link Reputation#NEUTRAL} and half-life {@code h = decay-half-life * (1 + evidenceCount)}:
 *       old failures are forgiven slowly, and every piece of evidence makes forgiveness slower
 *       still.
 *   <li><b>Gains are small and proportional to the distance to 1:</b> {@code s += g * (1 - s)}.
 *       <b>Losses are large and proportional to the score:</b> {@code s -= l * s}. Both keep {@code
 *       s} in 0..1 whatever the sequence.
 *   <li><b>Quarantine</b> when {@code s} falls below the threshold; release (policy {@code
 *       recovery}) only when it climbs back to the higher release threshold, so a node cannot flap
 *       around one line.
 * </ol>
 *
 * <p><b>Why a node cannot buy trust by behaving well and then lie.</b> A node starts at the top
 * ({@code N = 1}), so good behaviour earns nothing to spend later: it only repairs earlier losses.
 * A loss is a fraction of the current score, so a lie costs the same share however long the node
 * behaved well before: after any history, one piece of self-proving evidence leaves at most {@code
 * 1 - evidence-loss} (0.4 by default) and two leave at most 0.16, under the default threshold 0.3.
 * Repair is slow: with the default gain 0.02 a node needs about 26 successes to climb from 0.16
 * back to 0.5, while one more lie undoes all of it; a node that equivocates more often than about
 * once in 50 good outcomes stays below the threshold for good. The property tests check these
 * bounds for arbitrary histories.
 *
 * @param successGain see {@link ReputationRuleConfig#successGain}
 * @param failureLoss see {@link ReputationRuleConfig#failureLoss}
 * @param timeoutLoss see {@link ReputationRuleConfig#timeoutLoss}
 * @param wrongVoteLoss see {@link ReputationRuleConfig#wrongVoteLoss}
 * @param evidenceLoss see {@link ReputationRuleConfig#evidenceLoss}
 * @param reportedEvidenceLoss see {@link ReputationRuleConfig#reportedEvidenceLoss}
 * @param decayHalfLifeMillis base half-life of the decay towards neutral, in milliseconds
 * @param quarantineThreshold see {@link FaultConfig#quarantineThreshold}
 * @param releaseThreshold see {@link FaultConfig#releaseThreshold}
 * @param releaseOnRecovery whether climbing back to {@code releaseThreshold} releases a quarantined
 *     node
 */
public record ReputationRule(
    double successGain,
    double failureLoss,
    double timeoutLoss,
    double wrongVoteLoss,
    double evidenceLoss,
    double reportedEvidenceLoss,
    long decayHalfLifeMillis,
    double quarantineThreshold,
    double releaseThreshold,
    boolean releaseOnRecovery)
    implements Serializable {

  /** The rule with the bundled default weights and thresholds. */
  public static final ReputationRule DEFAULT = of(FaultConfig.DEFAULTS);

  /** Validates the ranges (the config has done so already; this guards rules built by hand). */
  public ReputationRule {
    check("successGain", successGain);
    check("failureLoss", failureLoss);
    check("timeoutLoss", timeoutLoss);
    check("wrongVoteLoss", wrongVoteLoss);
    check("evidenceLoss", evidenceLoss);
    check("reportedEvidenceLoss", reportedEvidenceLoss);
    check("quarantineThreshold", quarantineThreshold);
    check("releaseThreshold", releaseThreshold);
    if (decayHalfLifeMillis <= 0) {
      throw new IllegalArgumentException(
          "decayHalfLifeMillis: " + decayHalfLifeMillis + " must be positive");
    }
    if (releaseThreshold < quarantineThreshold) {
      throw new IllegalArgumentException(
          "releaseThreshold: "
              + releaseThreshold
              + " is below quarantineThreshold "
              + quarantineThreshold);
    }
  }

  /** The rule a fault config describes. */
  public static ReputationRule of(FaultConfig fault) {
    ReputationRuleConfig r = fault.reputation();
    return new ReputationRule(
        r.successGain(),
        r.failureLoss(),
        r.timeoutLoss(),
        r.wrongVoteLoss(),
        r.evidenceLoss(),
        r.reportedEvidenceLoss(),
        r.decayHalfLifeSeconds() * 1000L,
        fault.quarantineThreshold(),
        fault.releaseThreshold(),
        fault.releasesOnRecovery());
  }

  /** {@code current} after {@code event} at epoch millis {@code now}. */
  public Reputation apply(Reputation current, ReputationEvent event, long now) {
    Reputation r = decay(current, now);
    double s = r.score();
    long successes = r.successes();
    long failures = r.failures();
    long evidence = r.evidenceCount();
    long timeouts = r.timeouts();
    long wrongVotes = r.wrongVotes();
    switch (event) {
      case TASK_SUCCEEDED, VOTE_CORRECT -> {
        s = gain(s, successGain);
        successes++;
      }
      case TASK_FAILED -> {
        s = lose(s, failureLoss);
        failures++;
      }
      case TIMEOUT -> {
        s = lose(s, timeoutLoss);
        timeouts++;
      }
      case VOTE_WRONG -> {
        s = lose(s, wrongVoteLoss);
        wrongVotes++;
      }
      case EVIDENCE_SELF_PROVING -> {
        s = lose(s, evidenceLoss);
        evidence++;
      }
      case EVIDENCE_REPORTED -> {
        s = lose(s, reportedEvidenceLoss);
        evidence++;
      }
    }
    return judge(
        new Reputation(
            r.nodeId(),
            s,
            successes,
            failures,
            evidence,
            r.updatedAt(),
            timeouts,
            wrongVotes,
            r.quarantined()));
  }

  /**
   * {@code current} with time passed to {@code now}: its distance to neutral shrunk, quarantine
   * judged.
   */
  public Reputation decay(Reputation current, long now) {
    long at = Math.max(current.updatedAt(), now);
    double s = current.score();
    if (current.updatedAt() > 0 && now > current.updatedAt()) {
      double halfLife = (double) decayHalfLifeMillis * (1 + current.evidenceCount());
      double factor = Math.pow(2.0, -(now - current.updatedAt()) / halfLife);
      s = clamp(Reputation.NEUTRAL + (s - Reputation.NEUTRAL) * factor);
    }
    return judge(
        new Reputation(
            current.nodeId(),
            s,
            current.successes(),
            current.failures(),
            current.evidenceCount(),
            at,
            current.timeouts(),
            current.wrongVotes(),
            current.quarantined()));
  }

  /**
   * An operator's release: not quarantined, and the score lifted to at least the release threshold
   * (the operator vouches for the node; it is on probation, and the next losses quarantine it
   * again).
   */
  public Reputation release(Reputation current, long now) {
    Reputation r = decay(current, now);
    return new Reputation(
        r.nodeId(),
        Math.max(r.score(), releaseThreshold),
        r.successes(),
        r.failures(),
        r.evidenceCount(),
        r.updatedAt(),
        r.timeouts(),
        r.wrongVotes(),
        false);
  }

  /** Quarantine below the threshold; release at the release threshold when the policy allows it. */
  private Reputation judge(Reputation r) {
    boolean q = r.quarantined();
    if (!q && r.score() < quarantineThreshold) {
      q = true;
    } else if (q && releaseOnRecovery && r.score() >= releaseThreshold) {
      q = false;
    }
    if (q == r.quarantined()) {
      return r;
    }
    return new Reputation(
        r.nodeId(),
        r.score(),
        r.successes(),
        r.failures(),
        r.evidenceCount(),
        r.updatedAt(),
        r.timeouts(),
        r.wrongVotes(),
        q);
  }

  private static double gain(double s, double g) {
    return clamp(s + g * (1.0 - s));
  }

  private static double lose(double s, double l) {
    return clamp(s - l * s);
  }

  private static double clamp(double s) {
    return Math.max(0.0, Math.min(1.0, s));
  }

  private static void check(String field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(field + ": " + value + " is outside 0..1");
    }
  }
}
