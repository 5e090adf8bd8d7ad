package io.swarmgrid.storage.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the reputation arithmetic: each property is checked over many random histories
 * drawn from a fixed seed (so a failure repeats), and names the case that broke it.
 */
class ReputationRulePropertiesTest {
  private static final ReputationRule RULE = ReputationRule.DEFAULT;
  private static final ReputationEvent[] ALL = ReputationEvent.values();
  private static final ReputationEvent[] GOOD = {
    ReputationEvent.TASK_SUCCEEDED, ReputationEvent.VOTE_CORRECT
  };
  private static final int CASES = 300;

  /** One event after a pause (millis). */
  record Step(ReputationEvent event, long pauseMillis) {}

  /** Runs {@code property} on {@link #CASES} random cases, each with its own seeded generator. */
  private static void forAll(String name, Consumer<Random> property) {
    for (int c = 0; c < CASES; c++) {
      long seed = name.hashCode() * 31L + c;
      try {
        property.accept(new Random(seed));
      } catch (AssertionError e) {
        throw new AssertionError(
            name + " fails for case " + c + " (seed " + seed + "): " + e.getMessage(), e);
      }
    }
  }

  private static List<Step> history(Random random, ReputationEvent[] events, int maxSize) {
    int size = random.nextInt(maxSize + 1);
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long pause = random.nextBoolean() ? 0 : (long) (random.nextDouble() * 10 * 3_600_000L);
      steps.add(new Step(events[random.nextInt(events.length)], pause));
    }
    return steps;
  }

  private static Reputation run(Reputation start, List<Step> history, long[] clock) {
    Reputation r = start;
    for (Step s : history) {
      clock[0] += s.pauseMillis();
      r = RULE.apply(r, s.event(), clock[0]);
    }
    return r;
  }

  @Test
  void score_staysIn0to1_andCountsAddUp() {
    forAll(
        "bounds",
        random -> {
          List<Step> history = history(random, ALL, 300);
          long[] clock = {1};
          Reputation r = Reputation.neutral("n");
          for (Step s : history) {
            clock[0] += s.pauseMillis();
            r = RULE.apply(r, s.event(), clock[0]);
            assertThat(r.score()).isBetween(0.0, 1.0);
            // Quarantine follows the score after every step: below the threshold always
            // quarantined,
            // at or above the release threshold (recovery policy) never.
            if (r.score() < RULE.quarantineThreshold()) {
              assertThat(r.quarantined()).isTrue();
            }
            if (r.score() >= RULE.releaseThreshold()) {
              assertThat(r.quarantined()).isFalse();
            }
          }
          assertThat(
                  r.successes() + r.failures() + r.timeouts() + r.wrongVotes() + r.evidenceCount())
              .isEqualTo(history.size());
        });
  }

  @Test
  void gains_neverLower_andLosses_neverRaise_theScore() {
    forAll(
        "monotone",
        random -> {
          long[] clock = {1};
          Reputation before = run(Reputation.neutral("n"), history(random, ALL, 300), clock);
          ReputationEvent event = ALL[random.nextInt(ALL.length)];
          Reputation after = RULE.apply(before, event, clock[0]);
          boolean good =
              event == ReputationEvent.TASK_SUCCEEDED || event == ReputationEvent.VOTE_CORRECT;
          if (good) {
            assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
          } else {
            assertThat(after.score()).isLessThanOrEqualTo(before.score());
          }
        });
  }

  @Test
  void oneLie_afterAnyGoodHistory_costsTheFullShare() {
    forAll(
        "one-lie",
        random -> {
          long[] clock = {1};
          Reputation r = run(Reputation.neutral("n"), history(random, GOOD, 500), clock);
          long pause = (long) (random.nextDouble() * 86_400_000L);
          Reputation lied = RULE.apply(r, ReputationEvent.EVIDENCE_SELF_PROVING, clock[0] + pause);
          // However long the node behaved well, one self-proving lie leaves at most 1 -
          // evidence-loss.
          assertThat(lied.score()).isLessThanOrEqualTo(1.0 - RULE.evidenceLoss() + 1e-12);
        });
  }

  @Test
  void twoLies_afterAnyHistory_quarantine() {
    forAll(
        "two-lies",
        random -> {
          long[] clock = {1};
          Reputation r = run(Reputation.neutral("n"), history(random, ALL, 300), clock);
          r = RULE.apply(r, ReputationEvent.EVIDENCE_SELF_PROVING, clock[0]);
          r = RULE.apply(r, ReputationEvent.EVIDENCE_SELF_PROVING, clock[0]);
          assertThat(r.score()).isLessThan(RULE.quarantineThreshold());
          assertThat(r.quarantined()).isTrue();
          assertThat(r.voteWeight()).isZero();
        });
  }

  @Test
  void aNodeThatLiesOnceInEveryFewGoodOutcomes_isQuarantinedAfterEachLie() {
    for (int goodBetweenLies = 0; goodBetweenLies <= 45; goodBetweenLies++) {
      Reputation r = Reputation.neutral("n");
      for (int round = 0; round < 40; round++) {
        for (int i = 0; i < goodBetweenLies; i++) {
          r = RULE.apply(r, ReputationEvent.TASK_SUCCEEDED, 1);
        }
        r = RULE.apply(r, ReputationEvent.EVIDENCE_SELF_PROVING, 1);
      }
      assertThat(r.quarantined()).as("%d good outcomes between lies", goodBetweenLies).isTrue();
    }
  }

  @Test
  void decay_movesTowardsNeutral_neverPastIt() {
    forAll(
        "decay",
        random -> {
          long[] clock = {1};
          Reputation r = run(Reputation.neutral("n"), history(random, ALL, 300), clock);
          Reputation later =
              RULE.decay(r, clock[0] + (long) (random.nextDouble() * 1_000_000_000L));
          assertThat(later.score()).isBetween(r.score(), Reputation.NEUTRAL);
        });
  }

  @Test
  void evidence_slowsForgiveness() {
    forAll(
        "forgiveness",
        random -> {
          int evidence = 1 + random.nextInt(20);
          long pause = 1 + (long) (random.nextDouble() * 100_000_000L);
          Reputation clean = new Reputation("a", 0.2, 0, 5, 0, 1, 0, 0, true);
          Reputation liar = new Reputation("b", 0.2, 0, 0, evidence, 1, 0, 0, true);
          assertThat(RULE.decay(liar, 1 + pause).score())
              .isLessThanOrEqualTo(RULE.decay(clean, 1 + pause).score());
        });
  }

  @Test
  void operatorPolicy_noSuccessesRelease_recoveryPolicy_releasesOnlyAtTheReleaseThreshold() {
    ReputationRule operator =
        new ReputationRule(
            RULE.successGain(),
            RULE.failureLoss(),
            RULE.timeoutLoss(),
            RULE.wrongVoteLoss(),
            RULE.evidenceLoss(),
            RULE.reportedEvidenceLoss(),
            RULE.decayHalfLifeMillis(),
            RULE.quarantineThreshold(),
            RULE.releaseThreshold(),
            false);
    for (int successes = 0; successes <= 400; successes += 7) {
      Reputation quarantined = new Reputation("n", 0.1, 0, 0, 2, 1, 0, 0, true);
      Reputation byOperator = quarantined;
      Reputation byRecovery = quarantined;
      for (int i = 0; i < successes; i++) {
        byOperator = operator.apply(byOperator, ReputationEvent.TASK_SUCCEEDED, 1);
        byRecovery = RULE.apply(byRecovery, ReputationEvent.TASK_SUCCEEDED, 1);
      }
      assertThat(byOperator.quarantined()).isTrue();
      assertThat(byRecovery.quarantined()).isEqualTo(byRecovery.score() < RULE.releaseThreshold());
      Reputation released = operator.release(byOperator, 1);
      assertThat(released.quarantined()).isFalse();
      assertThat(released.score()).isGreaterThanOrEqualTo(RULE.releaseThreshold());
    }
  }

  @Test
  void hysteresis_aQuarantinedNodeBetweenTheThresholds_staysQuarantined() {
    Reputation between = new Reputation("n", 0.4, 0, 0, 0, 1, 0, 0, true);
    assertThat(RULE.apply(between, ReputationEvent.TIMEOUT, 1).quarantined()).isTrue();
    Reputation free = new Reputation("n", 0.4, 0, 0, 0, 1, 0, 0, false);
    assertThat(RULE.apply(free, ReputationEvent.TASK_SUCCEEDED, 1).quarantined()).isFalse();
  }
}
