package io.swarmgrid.plugin.consensus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published decision is the one Raft committed, whatever this member's model says. */
class CommittedDecisionTest {
  private static final Decision TALLIED =
      new Decision(
          "p1",
          DecisionType.MODEL_UPDATE,
          0,
          "approve",
          DecisionEnd.QUORUM,
          new double[] {3, 0},
          4,
          List.of("a", "b", "c"),
          1,
          List.of(),
          100,
          200,
          Double.NaN,
          Double.NaN,
          "");

  @Test
  void approvalCommitted_isPublishedAsApproval_evenWhenThisMembersModelWouldVeto() {
    // What another member committed: not vetoed (its older model predicted success).
    Committed winner = Committed.of(TALLIED.withModel(0.9, 0.5, false));
    // This member's newer model vetoes the same tally.
    Decision local = TALLIED.withModel(0.1, 0.5, true);
    assertThat(winner.matches(local)).isFalse();

    Decision published = CommittedDecision.rebuild(TALLIED, winner).orElseThrow();

    assertThat(published.end()).isEqualTo(DecisionEnd.QUORUM);
    assertThat(published.outcomeLabel()).isEqualTo("approve");
    assertThat(published.predictedSuccess()).isEqualTo(0.9);
    assertThat(winner.matches(published)).isTrue();
  }

  @Test
  void vetoCommitted_isPublishedAsVeto() {
    Committed winner = Committed.of(TALLIED.withModel(0.1, 0.5, true));

    Decision published = CommittedDecision.rebuild(TALLIED, winner).orElseThrow();

    assertThat(published.end()).isEqualTo(DecisionEnd.REJECTED);
    assertThat(published.note()).contains("vetoed by the learned model");
  }

  @Test
  void winnerFromAnotherCopyOfTheTally_isNotRebuiltHere() {
    Committed winner = new Committed("p1", 201, 1, DecisionEnd.REJECTED, Double.NaN, Double.NaN);

    assertThat(CommittedDecision.rebuild(TALLIED, winner)).isEmpty();
  }
}
