package io.swarmgrid.plugin.consensus;

import static io.swarmgrid.plugin.consensus.ConsensusTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusTestSupport.Voter;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.consensus.VoteStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The asynchronous path: proposals made by one entry processor on the tally, votes for many
 * proposals in one call, many decisions in flight at once.
 */
class ConsensusAsyncTest {
  @RegisterExtension static final EmbeddedCluster cluster = ConsensusTestSupport.cluster(3);

  private static HazelcastInstance member(int i) {
    return cluster.member(i);
  }

  private static ConsensusEngine engine(int i) {
    return SwarmGrid.service(member(i), ConsensusEngine.class).orElseThrow();
  }

  private static ProposalRequest request(List<Voter> electorate, Duration deadline) {
    return ProposalRequest.builder(electorate.get(0).id(), DecisionType.TASK_ASSIGNMENT)
        .electorate(ids(electorate))
        .deadlineIn(deadline)
        .features(0.3, 0.7)
        .build();
  }

  @Test
  void manyProposalsInFlight_votesInOneCall_eachDecidedOnce_andEveryMemberReadsTheSame()
      throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "async", 5);
    List<CompletableFuture<Proposal>> proposed = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      proposed.add(
          engine(i % 3)
              .proposeAsync(request(voters, Duration.ofSeconds(60)))
              .toCompletableFuture());
    }
    List<Proposal> proposals = new ArrayList<>();
    for (CompletableFuture<Proposal> f : proposed) {
      proposals.add(f.get(30, TimeUnit.SECONDS));
    }
    // Each voter's votes on all 40 proposals go in one call.
    List<CompletableFuture<List<VoteReceipt>>> calls = new ArrayList<>();
    for (Voter v : voters.subList(0, 4)) {
      List<Vote> votes =
          proposals.stream().map(p -> v.vote(p.id(), Proposal.APPROVE, 1.0)).toList();
      calls.add(engine(1).submitAllAsync(votes).toCompletableFuture());
    }
    for (CompletableFuture<List<VoteReceipt>> call : calls) {
      List<VoteReceipt> receipts = call.get(30, TimeUnit.SECONDS);
      assertThat(receipts).hasSize(40);
      assertThat(receipts).allMatch(VoteReceipt::counted);
    }
    for (Proposal p : proposals) {
      Decision first = engine(0).awaitDecision(p.id()).get(30, TimeUnit.SECONDS);
      assertThat(first.approved()).isTrue();
      assertThat(first.voters()).hasSize(4);
      for (int m = 1; m < 3; m++) {
        Decision seen = engine(m).awaitDecision(p.id()).get(30, TimeUnit.SECONDS);
        assertThat(List.of(seen.end(), seen.outcome(), seen.decidedAt(), seen.voters()))
            .isEqualTo(List.of(first.end(), first.outcome(), first.decidedAt(), first.voters()));
      }
    }
  }

  @Test
  void aDecisionsVotesInOneCall_stopCountingAtTheQuorum_inTheOrderGiven() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "batch", 5);
    Proposal p =
        engine(2).proposeAsync(request(voters, Duration.ofSeconds(60))).toCompletableFuture().get();
    List<Vote> votes = voters.stream().map(v -> v.vote(p.id(), Proposal.APPROVE, 1.0)).toList();
    List<VoteReceipt> receipts = engine(0).submitAllAsync(votes).toCompletableFuture().get();
    assertThat(receipts)
        .extracting(VoteReceipt::status)
        .containsExactly(
            VoteStatus.ACCEPTED,
            VoteStatus.ACCEPTED,
            VoteStatus.ACCEPTED,
            VoteStatus.DECIDED,
            VoteStatus.ALREADY_DECIDED);
    assertThat(engine(1).awaitDecision(p.id()).get(30, TimeUnit.SECONDS).voters())
        .containsExactlyElementsOf(ids(voters.subList(0, 4)));
  }

  @Test
  void badInput_getsAClearRefusal_andChangesNothing() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "bad", 3);
    IMap<String, Tally> tallies = member(0).getMap(SwarmMap.VOTES.mapName());

    Vote unknown = voters.get(0).vote("no-such-proposal", Proposal.APPROVE, 1.0);
    VoteReceipt r = engine(0).submitAllAsync(List.of(unknown)).toCompletableFuture().get().get(0);
    assertThat(r.status()).isEqualTo(VoteStatus.UNKNOWN_PROPOSAL);
    assertThat(r.reason()).contains("no-such-proposal");
    assertThat(tallies.containsKey("no-such-proposal")).isFalse();

    ProposalRequest oversized =
        ProposalRequest.builder(voters.get(0).id(), DecisionType.TASK_ASSIGNMENT)
            .electorate(ids(voters))
            .deadlineIn(Duration.ofSeconds(60))
            .payload(new byte[70_000])
            .build();
    assertThatThrownBy(() -> engine(1).proposeAsync(oversized).toCompletableFuture().get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload: 70000 bytes");
    assertThat(tallies.containsKey(oversized.id())).isFalse();

    Proposal p =
        engine(0).proposeAsync(request(voters, Duration.ofSeconds(60))).toCompletableFuture().get();
    Vote honest = voters.get(1).vote(p.id(), Proposal.APPROVE, 1.0);
    Vote forged =
        new Vote(
            honest.proposalId(),
            honest.voter(),
            Proposal.REJECT,
            honest.confidence(),
            honest.reasoning(),
            honest.timestamp(),
            honest.signature());
    VoteReceipt refused =
        engine(2).submitAllAsync(List.of(forged)).toCompletableFuture().get().get(0);
    assertThat(refused.status()).isEqualTo(VoteStatus.FORGED_SIGNATURE);
    assertThat(refused.reason()).contains("signature").contains(honest.voter());
    assertThat(tallies.get(p.id()).votes()).isEmpty();

    Proposal soon =
        engine(0).proposeAsync(request(voters, Duration.ofSeconds(1))).toCompletableFuture().get();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> System.currentTimeMillis() > soon.deadline());
    VoteReceipt late =
        engine(1)
            .submitAllAsync(List.of(voters.get(0).vote(soon.id(), Proposal.APPROVE, 1.0)))
            .toCompletableFuture()
            .get()
            .get(0);
    assertThat(late.status()).isIn(VoteStatus.AFTER_DEADLINE, VoteStatus.ALREADY_DECIDED);
    assertThat(tallies.get(soon.id()).votes()).isEmpty();
  }
}
