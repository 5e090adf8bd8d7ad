package io.swarmgrid.storage.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.consensus.CommitShard.Committed;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The commit-log shard's window: first commit wins, oldest forgotten first, a batch kept whole. */
class CommitShardTest {
  private static Committed committed(String id, int outcome) {
    return new Committed(id, 1L, outcome, DecisionEnd.QUORUM, Double.NaN, Double.NaN);
  }

  private static List<Committed> batch(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> committed(prefix + i, 0)).toList();
  }

  @Test
  void commit_keepsTheFirstDecisionOfAProposal() {
    CommitShard shard = CommitShard.EMPTY.commit(List.of(committed("p", 0)), 16);
    CommitShard again = shard.commit(List.of(committed("p", 1)), 16);
    assertThat(again.byProposal().get("p").outcome()).isZero();
    assertThat(again.size()).isEqualTo(1);
  }

  @Test
  void commit_forgetsTheOldestBeyondTheCapacity() {
    CommitShard shard =
        CommitShard.EMPTY.commit(batch("old-", 16), 16).commit(batch("new-", 4), 16);
    assertThat(shard.size()).isEqualTo(16);
    assertThat(shard.byProposal())
        .doesNotContainKeys("old-0", "old-3")
        .containsKeys("old-4", "new-3");
    assertThat(shard.forgotten()).isEqualTo(4);
  }

  @Test
  void commit_ofABatchLargerThanTheCapacity_keepsTheWholeBatch_becauseItIsTheAnswer() {
    CommitShard shard =
        CommitShard.EMPTY.commit(batch("old-", 16), 16).commit(batch("big-", 40), 16);
    assertThat(shard.only(batch("big-", 40).stream().map(Committed::proposalId).toList()).size())
        .isEqualTo(40);
    assertThat(shard.byProposal()).doesNotContainKey("old-15");
    CommitShard next = shard.commit(batch("next-", 1), 16);
    assertThat(next.size()).as("back to the capacity with the next batch").isEqualTo(16);
    assertThat(next.byProposal()).containsKey("next-0");
  }

  @Test
  void commit_ofABatchNamingAProposalTwice_keepsItsFirstDecision_andTheOrder() {
    CommitShard shard =
        CommitShard.EMPTY
            .commit(batch("a-", 2), 16)
            .commit(List.of(committed("b", 0), committed("a-1", 1), committed("b", 1)), 16);
    assertThat(shard.size()).isEqualTo(3);
    assertThat(shard.proposalIds()).containsExactly("a-0", "a-1", "b");
    assertThat(shard.byProposal().get("b").outcome()).isZero();
    assertThat(shard.byProposal().get("a-1").outcome()).isZero();
  }
}
