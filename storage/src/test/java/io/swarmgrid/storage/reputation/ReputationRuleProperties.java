package io.swarmgrid.storage.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Property tests of the reputation arithmetic, over arbitrary histories. */
class ReputationRuleProperties {
  private static final ReputationRule RULE = ReputationRule.DEFAULT;
  private static final ReputationEvent[] GOOD = {ReputationEvent.TASK_SUCCEEDED, ReputationEvent.VOTE_CORRECT};

  /** One event after a pause (millis). */
  record Step(ReputationEvent event, long pauseMillis) {}

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.of(ReputationEvent.class),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 10 * 3_600_000L)))
            .as(Step::new);
    return step.list().ofMaxSize(300);
  }

  @Provide
  Arbitrary<List<Step>> goodHistories() {
    Arbitrary<Step> step =
        Combinators.combine(Arbitraries.of(GOOD), Arbitraries.longs().between(0, 10 * 3_600_000L)).as(Step::new);
    return step.list().ofMaxSize(500);
  }

  private static Reputation run(Reputation start, List<Step> history, long[] clock) {
    Reputation r = start;
    for (Step s : history) {
      clock[0] += s.pauseMillis();
      r = RULE.apply(r, s.event(), clock[0]);
    }
    return r;
  }

  @Property
  void score_staysIn0to1_andCountsAddUp(@ForAll("histories") List<Step> history) {
    long[] clock = {1};
    Reputation r = Reputation.neutral("n");
    for (Step s : history) {
      clock[0] += s.pauseMillis();
      r = RULE.apply(r, s.event(), clock[0]);
      assertThat(r.score()).isBetween(0.0, 1.0);
      // Quarantine follows the score after every step: below the threshold always quarantined,
      // at or above the release threshold (recovery policy) never.
      if (r.score() < RULE.quarantineThreshold()) {
        assertThat(r.quarantined()).isTrue();
      }
      if (r.score() >= RULE.releaseThreshold()) {
        assertThat(r.quarantined()).isFalse();
      }
    }
    assertThat(r.successes() + r.failures() + r.timeouts() + r.wrongVotes() + r.evidenceCount())
        .isEqualTo(history.size());
  }

  @Property
  void gains_neverLower_andLosses_neverRaise_theScore(
      @ForAll("histories") List<Step> history, @ForAll ReputationEvent event) {
    long[] clock = {1};
    Reputation before = run(Reputation.neutral("n"), history, clock);
    Reputation after = RULE.apply(before, event, clock[0]);
    boolean good = event == ReputationEvent.TASK_SUCCEEDED || event == ReputationEvent.VOTE_CORRECT;
    if (good) {
      assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
    } else {
      assertThat(after.score()).isLessThanOrEqualTo(before.score());
    }
  }

  @Property
  void oneLie_afterAnyGoodHistory_costsTheFullShare(
      @ForAll("goodHistories") List<Step> history, @ForAll @LongRange(min = 0, max = 86_400_000L) long pause) {
    long[] clock = {1};
    Reputation r = run(Reputation.neutral("n"), history, clock);
    Reputation lied = RULE.apply(r, ReputationEvent.EVIDENCE_SELF_PROVING, clock[0] + pause);
    // However long the node behaved well, one self-proving lie leaves at most 1 - evidence-loss.
    assertThat(lied.score()).isLessThanOrEqualTo(1.0 - RULE.evidenceLoss() + 1e-12);
  }

  @Property
  void twoLies_afterAnyHistory_quarantine(@ForAll("histories") List<Step> history) {
    long[] clock = {1};
    Reputation r = run(Reputation.neutral("n"), history, clock);
    r = RULE.apply(r, ReputationEvent.EVIDENCE_SELF_PROVING, clock[0]);
    r = RULE.apply(r, ReputationEvent.EVIDENCE_SELF_PROVING, clock[0]);
    assertThat(r.score()).isLessThan(RULE.quarantineThreshold());
    assertThat(r.quarantined()).isTrue();
    assertThat(r.voteWeight()).isZero();
  }

  @Property
  void aNodeThatLiesOnceInEveryFewGoodOutcomes_isQuarantinedAfterEachLie(
      @ForAll @IntRange(min = 0, max = 45) int goodBetweenLies) {
    Reputation r = Reputation.neutral("n");
    long now = 1;
    for (int round = 0; round < 40; round++) {
      for (int i = 0; i < goodBetweenLies; i++) {
        r = RULE.apply(r, ReputationEvent.TASK_SUCCEEDED, now);
      }
      r = RULE.apply(r, ReputationEvent.EVIDENCE_SELF_PROVING, now);
    }
    assertThat(r.quarantined()).isTrue();
  }

  @Property
  void decay_movesTowardsNeutral_neverPastIt(
      @ForAll("histories") List<Step> history, @ForAll @LongRange(min = 0, max = 1_000_000_000L) long pause) {
    long[] clock = {1};
    Reputation r = run(Reputation.neutral("n"), history, clock);
    Reputation later = RULE.decay(r, clock[0] + pause);
    assertThat(later.score()).isBetween(r.score(), Reputation.NEUTRAL);
  }

  @Property
  void evidence_slowsForgiveness(
      @ForAll @IntRange(min = 1, max = 20) int evidence, @ForAll @LongRange(min = 1, max = 100_000_000L) long pause) {
    Reputation clean = new Reputation("a", 0.2, 0, 5, 0, 1, 0, 0, true);
    Reputation liar = new Reputation("b", 0.2, 0, 0, evidence, 1, 0, 0, true);
    assertThat(RULE.decay(liar, 1 + pause).score()).isLessThanOrEqualTo(RULE.decay(clean, 1 + pause).score());
  }

  @Property
  void operatorPolicy_noSuccessesRelease_recoveryPolicy_releasesOnlyAtTheReleaseThreshold(
      @ForAll @IntRange(min = 0, max = 400) int successes) {
    ReputationRule operator =
        new ReputationRule(RULE.successGain(), RULE.failureLoss(), RULE.timeoutLoss(), RULE.wrongVoteLoss(),
            RULE.evidenceLoss(), RULE.reportedEvidenceLoss(), RULE.decayHalfLifeMillis(), RULE.quarantineThreshold(),
            RULE.releaseThreshold(), false);
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

  @Example
  void hysteresis_aQuarantinedNodeBetweenTheThresholds_staysQuarantined() {
    Reputation between = new Reputation("n", 0.4, 0, 0, 0, 1, 0, 0, true);
    assertThat(RULE.apply(between, ReputationEvent.TIMEOUT, 1).quarantined()).isTrue();
    Reputation free = new Reputation("n", 0.4, 0, 0, 0, 1, 0, 0, false);
    assertThat(RULE.apply(free, ReputationEvent.TASK_SUCCEEDED, 1).quarantined()).isFalse();
  }
}
