package io.swarmgrid.plugin.consensus;

import static io.swarmgrid.plugin.consensus.ConsensusTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusTestSupport.Voter;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.consensus.VoteStatus;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CP commit log with one small shard (16 decisions), so that its window is overrun quickly; and
 * a member whose configured shard count differs from the others'.
 */
class ConsensusCommitLogTest {
  private static final ConsensusConfig SMALL_LOG =
      ConsensusConfig.custom().maxOptions(16).cpShards(1).cpShardCapacity(16).build();

  // Member 2 is configured with 8 shards: the cluster must still use one shard count.
  @RegisterExtension
  static final EmbeddedCluster cluster =
      ConsensusTestSupport.cluster(
          3, i -> i == 2 ? ConsensusConfig.from(SMALL_LOG).cpShards(8).build() : SMALL_LOG);

  private static ConsensusEngine engine(int i) {
    return SwarmGrid.service(cluster.member(i), ConsensusEngine.class).orElseThrow();
  }

  private static Proposal propose(List<Voter> electorate) {
    return engine(0)
        .propose(
            ProposalRequest.builder(electorate.get(0).id(), DecisionType.OTHER)
                .electorate(ids(electorate))
                .deadlineIn(Duration.ofMinutes(5))
                .build());
  }

  private static Decision decide(Proposal p, List<Voter> voters) throws Exception {
    for (Voter v : voters) {
      if (engine(1).submit(v.vote(p.id(), Proposal.APPROVE, 1.0)).status() == VoteStatus.DECIDED) {
        break;
      }
    }
    return engine(2).awaitDecision(p.id()).get(30, TimeUnit.SECONDS);
  }

  @Test
  void oldProposal_decidedAfterTheWindowOverflowed_isStillCommittedOnce() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "old", 3);
    Proposal old = propose(voters);
    List<Proposal> newer = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      newer.add(propose(voters));
    }
    for (Proposal p : newer) {
      decide(p, voters);
    }

    Decision d = decide(old, voters);

    assertThat(d.end()).isEqualTo(DecisionEnd.QUORUM);
    Decision published = engine(0).decisions().get(old.id()).orElseThrow();
    assertThat(published.decidedAt()).isEqualTo(d.decidedAt());
    assertThat(published.voters()).isEqualTo(d.voters());
  }

  @Test
  void everyMember_usesTheShardCountTheClusterAgreedOn() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "shards", 3);
    // Some proposals on each member's partitions, so that every member commits.
    List<Proposal> ps = IntStream.range(0, 12).mapToObj(i -> propose(voters)).toList();
    for (Proposal p : ps) {
      decide(p, voters);
    }
    // Whichever member committed first recorded its count (1 or 8); all use that one.
    assertThat(IntStream.range(0, 3).map(i -> engine(i).commitShards()).distinct().toArray())
        .hasSize(1);
  }

  @Test
  void memberNode_votingAgainTheSameVote_isNotAnEquivocator() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "again", 3);
    String self = "member-0";
    List<String> electorate = new ArrayList<>(ids(voters));
    electorate.add(self);
    Proposal p =
        engine(0)
            .propose(
                ProposalRequest.builder(voters.get(0).id(), DecisionType.OTHER)
                    .electorate(electorate)
                    .deadlineIn(Duration.ofMinutes(5))
                    .build());
    VoteReceipt first = engine(0).vote(p.id(), Proposal.APPROVE, 0.9, 0.1);
    long firstAt = System.currentTimeMillis();
    org.awaitility.Awaitility.await().until(() -> System.currentTimeMillis() > firstAt + 1);

    // A retry after an ambiguous failure: the same vote again.
    VoteReceipt retry = engine(0).vote(p.id(), Proposal.APPROVE, 0.9, 0.1);

    assertThat(first.status()).isEqualTo(VoteStatus.ACCEPTED);
    assertThat(retry.status()).as("the first delivery's receipt").isEqualTo(VoteStatus.ACCEPTED);
    assertThat(new EvidenceStore(cluster.member(1), ReputationRule.DEFAULT, 65_536).against(self))
        .isEmpty();
  }
}
