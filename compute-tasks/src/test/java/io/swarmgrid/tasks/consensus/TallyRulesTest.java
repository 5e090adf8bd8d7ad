package io.swarmgrid.tasks.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteStatus;
import io.swarmgrid.storage.identity.NodeKeys;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quorum arithmetic as properties over random electorates, reputations, confidences and vote orders
 * (seeded, so a failure repeats and names its case).
 */
class TallyRulesTest {
  private static final int CASES = 200;
  private static final long NOW = 1_000_000;

  private record Electorate(Tally tally, List<NodeKeys> keys) {}

  private static Electorate electorate(Random random, int voters, double quorum) {
    List<String> ids = new ArrayList<>();
    List<NodeKeys> keys = new ArrayList<>();
    double[] weights = new double[voters];
    ByteArrayOutputStream publicKeys = new ByteArrayOutputStream();
    for (int i = 0; i < voters; i++) {
      ids.add("v" + i);
      NodeKeys k = NodeKeys.generate();
      keys.add(k);
      publicKeys.writeBytes(k.publicKey());
      weights[i] = 0.05 + 0.95 * random.nextDouble();
    }
    Tally t =
        new Tally(
            "p",
            DecisionType.OTHER,
            Proposal.YES_NO,
            NOW + 10_000,
            NOW - 1000,
            quorum,
            ids,
            weights,
            publicKeys.toByteArray(),
            List.of(),
            List.of(),
            TallyStatus.OPEN,
            null);
    return new Electorate(t, keys);
  }

  private static Vote vote(Electorate e, int voter, int choice, double confidence) {
    return Vote.signed(
        e.keys().get(voter), "p", "v" + voter, choice, confidence, new double[] {0.1}, NOW);
  }

  @Test
  void decided_exactlyWhenAnOptionPassesTheQuorum_withConfidenceTimesReputation() {
    for (int c = 0; c < CASES; c++) {
      Random random = new Random(c);
      int n = 1 + random.nextInt(9);
      double quorum = 0.5 + 0.49 * random.nextDouble();
      Electorate e = electorate(random, n, quorum);
      Tally t = e.tally();
      double eligible = t.eligibleWeight();
      double[] expected = new double[2];
      for (int voter = 0; voter < n && t.status() == TallyStatus.OPEN; voter++) {
        int choice = random.nextInt(2);
        double confidence = random.nextDouble();
        TallyRules.Applied applied =
            TallyRules.apply(t, vote(e, voter, choice, confidence), NOW, 256);
        assertThat(applied.receipt().counted()).as("case %d voter %d", c, voter).isTrue();
        expected[choice] += confidence * t.weights()[voter];
        t = applied.next();
        boolean passes = expected[0] > quorum * eligible || expected[1] > quorum * eligible;
        assertThat(t.status() == TallyStatus.DECIDED)
            .as(
                "case %d after voter %d: %s vs %.4f",
                c, voter, java.util.Arrays.toString(expected), quorum * eligible)
            .isEqualTo(passes);
        assertThat(applied.receipt().status())
            .isEqualTo(passes ? VoteStatus.DECIDED : VoteStatus.ACCEPTED);
      }
      if (t.status() == TallyStatus.DECIDED) {
        Decision d = t.decision();
        assertThat(d.optionWeights()[0])
            .isCloseTo(expected[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(d.end())
            .isEqualTo(expected[0] > quorum * eligible ? DecisionEnd.QUORUM : DecisionEnd.REJECTED);
        assertThat(d.eligibleWeight()).isEqualTo(eligible);
      }
    }
  }

  @Test
  void noVoteCountsTwice_andRefusalsChangeNothing() {
    for (int c = 0; c < CASES; c++) {
      Random random = new Random(1000 + c);
      Electorate e = electorate(random, 2 + random.nextInt(6), 0.99);
      Tally t = e.tally();
      Vote first = vote(e, 0, 0, 0.5);
      t = TallyRules.apply(t, first, NOW, 256).next();
      TallyRules.Applied again = TallyRules.apply(t, first, NOW, 256);
      assertThat(again.receipt().status()).isEqualTo(VoteStatus.ACCEPTED);
      assertThat(again.resent()).isTrue();
      assertThat(again.next()).isNull();
      Vote forged = Vote.signed(NodeKeys.generate(), "p", "v1", 0, 1.0, new double[0], NOW);
      assertThat(TallyRules.apply(t, forged, NOW, 256).receipt().status())
          .isEqualTo(VoteStatus.FORGED_SIGNATURE);
      assertThat(TallyRules.apply(t, vote(e, 1, 0, 1.0), t.deadline() + 1, 256).receipt().status())
          .isEqualTo(VoteStatus.AFTER_DEADLINE);
      TallyRules.Applied lie = TallyRules.apply(t, vote(e, 0, 1, 0.5), NOW, 256);
      assertThat(lie.receipt().status()).isEqualTo(VoteStatus.EQUIVOCATION);
      assertThat(TallyRules.weights(lie.next(), lie.next().votes()))
          .containsExactly(TallyRules.weights(t, t.votes()));
    }
  }

  @Test
  void sameChoiceResigned_isADuplicate_andOnlyADifferentChoiceIsEquivocation() {
    Electorate e = electorate(new Random(11), 3, 0.99);
    Tally t = TallyRules.apply(e.tally(), vote(e, 0, 1, 0.5), NOW, 256).next();
    // A retry signed again: new timestamp, another confidence, the same choice.
    Vote retry = Vote.signed(e.keys().get(0), "p", "v0", 1, 0.9, new double[] {0.2}, NOW + 5);
    TallyRules.Applied again = TallyRules.apply(t, retry, NOW, 256);
    assertThat(again.receipt().status()).isEqualTo(VoteStatus.DUPLICATE);
    assertThat(again.next()).as("nothing changes, nothing kept as evidence").isNull();
    TallyRules.Applied lie = TallyRules.apply(t, vote(e, 0, 0, 0.5), NOW, 256);
    assertThat(lie.receipt().status()).isEqualTo(VoteStatus.EQUIVOCATION);
    assertThat(lie.next().conflicting()).hasSize(1);
  }

  /**
   * A call whose answer was lost is sent again with the same signed votes: each must be told what
   * its first delivery did, even though the tally has moved on (decided, or past its deadline).
   */
  @Test
  void aResentVote_getsTheReceiptOfItsFirstDelivery_andChangesNothing() {
    for (int c = 0; c < CASES; c++) {
      Random random = new Random(3000 + c);
      int n = 2 + random.nextInt(7);
      Electorate e = electorate(random, n, 0.5 + 0.49 * random.nextDouble());
      Tally t = e.tally();
      List<Vote> sent = new ArrayList<>();
      List<VoteStatus> first = new ArrayList<>();
      for (int voter = 0; voter < n; voter++) {
        Vote v = vote(e, voter, random.nextInt(2), random.nextDouble());
        TallyRules.Applied applied = TallyRules.apply(t, v, NOW, 256);
        sent.add(v);
        first.add(applied.receipt().status());
        if (applied.next() != null) {
          t = applied.next();
        }
      }
      Tally settled =
          t.status() == TallyStatus.OPEN ? TallyRules.closeIfExpired(t, t.deadline() + 1) : t;
      for (Tally later : List.of(t, settled)) {
        for (int voter = 0; voter < n; voter++) {
          TallyRules.Applied again =
              TallyRules.apply(later, sent.get(voter), later.deadline() + 5, 256);
          assertThat(again.next()).as("case %d voter %d", c, voter).isNull();
          if (first.get(voter).counted()) {
            assertThat(again.receipt().status())
                .as("case %d voter %d", c, voter)
                .isEqualTo(first.get(voter));
            assertThat(again.resent()).isTrue();
            assertThat(again.receipt().decision())
                .isEqualTo(first.get(voter) == VoteStatus.DECIDED ? later.decision() : null);
          } else {
            assertThat(again.resent()).isFalse();
          }
        }
      }
    }
  }

  @Test
  void aResentVote_withAnotherSignature_isNotTakenForTheCountedOne() {
    Electorate e = electorate(new Random(12), 3, 0.99);
    Vote counted = vote(e, 0, 1, 0.5);
    Tally t = TallyRules.apply(e.tally(), counted, NOW, 256).next();
    byte[] signature = counted.signature().clone();
    signature[0] ^= 1;
    Vote tampered =
        new Vote(
            counted.proposalId(),
            counted.voter(),
            counted.choice(),
            counted.confidence(),
            counted.reasoning(),
            counted.timestamp(),
            signature);
    TallyRules.Applied applied = TallyRules.apply(t, tampered, NOW, 256);
    assertThat(applied.resent()).isFalse();
    assertThat(applied.receipt().status()).isEqualTo(VoteStatus.FORGED_SIGNATURE);
  }

  @Test
  void deadline_closesAnOpenTally_once() {
    Electorate e = electorate(new Random(7), 3, 0.67);
    assertThat(TallyRules.closeIfExpired(e.tally(), e.tally().deadline())).isNull();
    Tally closed = TallyRules.closeIfExpired(e.tally(), e.tally().deadline() + 1);
    assertThat(closed.status()).isEqualTo(TallyStatus.DECIDED);
    assertThat(closed.decision().end()).isEqualTo(DecisionEnd.DEADLINE_PASSED);
    assertThat(TallyRules.closeIfExpired(closed, e.tally().deadline() + 2)).isNull();
  }

  @Test
  void reason_saysTheWeightsWithThreeDecimals() {
    assertThat(TallyRules.reason("approve", 2.7, 3.0, 2.00005))
        .isEqualTo("'approve' reached 2.700 of 3.000 eligible weight (quorum > 2.000)");
    assertThat(TallyRules.reason("reject", 1.0 / 3, 0.5, 0.3335))
        .isEqualTo("'reject' reached 0.333 of 0.500 eligible weight (quorum > 0.334)");
  }
}
