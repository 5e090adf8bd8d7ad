package io.swarmgrid.plugin.consensus.internal;

import io.swarmgrid.storage.consensus.CommitShard.Committed;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import java.util.Optional;

/** Turns what the CP log committed back into a full decision. */
public final class CommittedDecision {
  private CommittedDecision() {}

  /**
   * The committed decision, rebuilt from the tally's own decision ({@code tallied}, before any
   * learned-model verdict) and the log's fingerprint of the winner: the winner's verdict is applied
   * to the tally's decision. Empty if the winner came from another copy of the tally (one that
   * diverged during a split): its committer publishes it.
   *
   * <p>Never this member's own verdict: a member with a newer model may judge the same tally
   * differently, and publishing its judgement would contradict what Raft committed.
   */
  public static Optional<Decision> rebuild(Decision tallied, Committed winner) {
    if (!winner.proposalId().equals(tallied.proposalId())
        || winner.decidedAt() != tallied.decidedAt()) {
      return Optional.empty();
    }
    boolean veto = winner.end() == DecisionEnd.REJECTED && tallied.end() == DecisionEnd.QUORUM;
    Decision rebuilt = tallied.withModel(winner.predicted(), winner.threshold(), veto);
    return winner.matches(rebuilt) ? Optional.of(rebuilt) : Optional.empty();
  }
}
