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
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.consensus.VoteStatus;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.consensus.ConsensusCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The consensus engine on three real members with the CP Subsystem on. */
class ConsensusEngineTest {
  // The reputation updates below ship a lambda of this class.
  @RegisterExtension
  static final EmbeddedCluster cluster =
      ConsensusTestSupport.cluster(3).allowJavaSerialized(ConsensusEngineTest.class);

  private static HazelcastInstance member(int i) {
    return cluster.member(i);
  }

  private static ConsensusEngine engine(int i) {
    return SwarmGrid.service(member(i), ConsensusEngine.class).orElseThrow();
  }

  private static Proposal propose(List<Voter> electorate, Duration deadline) {
    return engine(0)
        .propose(
            ProposalRequest.builder(electorate.get(0).id(), DecisionType.TASK_ASSIGNMENT)
                .electorate(ids(electorate))
                .deadlineIn(deadline)
                .features(0.3, 0.7)
                .build());
  }

  private static Decision decisionOf(String proposalId) throws Exception {
    return engine(1).awaitDecision(proposalId).get(30, TimeUnit.SECONDS);
  }

  @Test
  void quorum_isReachedByMoreThanTwoThirdsOfTheWeight_andCommittedOnce() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "q", 5);
    Proposal p = propose(voters, Duration.ofSeconds(30));
    for (int i = 0; i < 3; i++) {
      assertThat(engine(i % 3).submit(voters.get(i).vote(p.id(), Proposal.APPROVE, 1.0)).status())
          .isEqualTo(VoteStatus.ACCEPTED);
    }
    VoteReceipt fourth = engine(0).submit(voters.get(3).vote(p.id(), Proposal.APPROVE, 1.0));
    assertThat(fourth.status()).as("4/5 > 2/3").isEqualTo(VoteStatus.DECIDED);

    Decision d = decisionOf(p.id());
    assertThat(d.end()).isEqualTo(DecisionEnd.QUORUM);
    assertThat(d.outcomeLabel()).isEqualTo("approve");
    assertThat(d.voters()).hasSize(4);
    assertThat(d.optionWeights()[0]).isEqualTo(4.0);
    assertThat(d.eligibleWeight()).isEqualTo(5.0);
    assertThat(engine(2).submit(voters.get(4).vote(p.id(), Proposal.APPROVE, 1.0)).status())
        .isIn(VoteStatus.ALREADY_DECIDED);
    IMap<String, Tally> tallies = member(0).getMap(SwarmMap.VOTES.mapName());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> tallies.get(p.id()).status() == TallyStatus.COMMITTED);
  }

  @Test
  void weights_areConfidenceTimesReputation() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "w", 5);
    ReputationStore reputations = new ReputationStore(member(1));
    for (Voter v : voters.subList(1, 5)) {
      reputations.update(v.id(), r -> new Reputation(r.nodeId(), 0.25, 0, 0, 0, 1));
      ConsensusTestSupport.awaitViews(cluster, v.id(), 0.25);
    }
    // Eligible weight 1 + 4 x 0.25 = 2; quorum needs more than 1.333.
    Proposal p = propose(voters, Duration.ofSeconds(30));
    assertThat(engine(0).submit(voters.get(0).vote(p.id(), 0, 1.0)).status())
        .isEqualTo(VoteStatus.ACCEPTED); // 1.0
    assertThat(engine(0).submit(voters.get(1).vote(p.id(), 0, 0.8)).status())
        .isEqualTo(VoteStatus.ACCEPTED); // 1.2
    assertThat(engine(0).submit(voters.get(2).vote(p.id(), 0, 0.8)).status())
        .isEqualTo(VoteStatus.DECIDED); // 1.4
    Decision d = decisionOf(p.id());
    assertThat(d.optionWeights()[0]).isCloseTo(1.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(d.eligibleWeight()).isEqualTo(2.0);
  }

  @Test
  void quarantinedNode_isLeftOutOfTheElectorate_andItsVoteIsRefused() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "qv", 4);
    ReputationStore reputations = new ReputationStore(member(0));
    Voter liar = voters.get(3);
    // Two pieces of self-proving evidence quarantine a node (docs/FAULT-TOLERANCE.md).
    reputations.record(
        liar.id(),
        io.swarmgrid.storage.reputation.ReputationEvent.EVIDENCE_SELF_PROVING,
        ReputationRule.DEFAULT,
        1);
    reputations.record(
        liar.id(),
        io.swarmgrid.storage.reputation.ReputationEvent.EVIDENCE_SELF_PROVING,
        ReputationRule.DEFAULT,
        2);
    assertThat(reputations.get(liar.id()).quarantined()).isTrue();
    ConsensusTestSupport.awaitViews(cluster, liar.id(), 0.0);

    Proposal p = propose(voters, Duration.ofSeconds(30));
    assertThat(p.electorate()).doesNotContain(liar.id()).hasSize(3);
    assertThat(engine(0).submit(liar.vote(p.id(), Proposal.APPROVE, 1.0)).status())
        .isEqualTo(VoteStatus.UNKNOWN_VOTER);
    for (Voter v : voters.subList(0, 3)) {
      engine(1).submit(v.vote(p.id(), Proposal.APPROVE, 1.0));
    }
    Decision d = decisionOf(p.id());
    assertThat(d.eligibleWeight()).isEqualTo(3.0);
    assertThat(d.voters()).doesNotContain(liar.id());
  }

  @Test
  void rejectReachingQuorum_rejects() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "r", 3);
    Proposal p = propose(voters, Duration.ofSeconds(30));
    voters.forEach(v -> engine(1).submit(v.vote(p.id(), Proposal.REJECT, 1.0)));
    Decision d = decisionOf(p.id());
    assertThat(d.end()).isEqualTo(DecisionEnd.REJECTED);
    assertThat(d.outcome()).isEqualTo(-1);
  }

  @Test
  void deadline_withoutQuorum_endsTheProposal() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "d", 3);
    Proposal p = propose(voters, Duration.ofMillis(500));
    engine(0).submit(voters.get(0).vote(p.id(), 0, 1.0));
    Decision d = decisionOf(p.id());
    assertThat(d.end()).isEqualTo(DecisionEnd.DEADLINE_PASSED);
    assertThat(d.voters()).containsExactly(voters.get(0).id());
    assertThat(engine(0).submit(voters.get(1).vote(p.id(), 0, 1.0)).status())
        .isEqualTo(VoteStatus.ALREADY_DECIDED);
  }

  @Test
  void badVotes_areRefusedWithAReason_countedInMetrics_andChangeNothing() {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "b", 5);
    List<Voter> outsiders = ConsensusTestSupport.voters(member(0), "outsider", 1);
    Proposal p = propose(voters, Duration.ofSeconds(30));
    Voter v = voters.get(0);
    IMap<String, Tally> tallies = member(0).getMap(SwarmMap.VOTES.mapName());

    Vote forged =
        Vote.signed(
            NodeKeys.generate(), p.id(), v.id(), 0, 1.0, new double[0], System.currentTimeMillis());
    assertRefused(forged, VoteStatus.FORGED_SIGNATURE, "signature");
    Vote tampered = v.vote(p.id(), 0, 0.2);
    assertRefused(
        new Vote(
            p.id(),
            v.id(),
            0,
            0.9,
            tampered.reasoning(),
            tampered.timestamp(),
            tampered.signature()),
        VoteStatus.FORGED_SIGNATURE,
        "signature");
    assertRefused(outsiders.get(0).vote(p.id(), 0, 1.0), VoteStatus.UNKNOWN_VOTER, "outsider-0");
    assertRefused(v.vote(p.id(), 0, 1.5), VoteStatus.INVALID, "confidence: 1.5");
    assertRefused(v.vote(p.id(), 7, 1.0), VoteStatus.INVALID, "choice: 7");
    assertRefused(
        v.vote("no-such-proposal", 0, 1.0), VoteStatus.UNKNOWN_PROPOSAL, "no-such-proposal");
    assertThat(tallies.get(p.id()).votes()).as("nothing stored").isEmpty();

    assertThat(engine(0).submit(v.vote(p.id(), 0, 0.5)).status()).isEqualTo(VoteStatus.ACCEPTED);
    Vote again = tallies.get(p.id()).votes().get(0);
    VoteReceipt resent = engine(1).submit(again);
    assertThat(resent.status()).as("the first delivery's receipt").isEqualTo(VoteStatus.ACCEPTED);
    assertThat(resent.reason()).contains("sent again");
    Vote resigned = v.vote(p.id(), 0, 0.6);
    assertRefused(resigned, VoteStatus.DUPLICATE, "already voted");
    assertThat(tallies.get(p.id()).votes()).singleElement().matches(again::sameContent);

    long forgedCount =
        IntStream.range(0, 3)
            .mapToLong(i -> engine(i).stats().votes().get(VoteStatus.FORGED_SIGNATURE))
            .sum();
    assertThat(forgedCount).isGreaterThanOrEqualTo(2);
  }

  @Test
  void voteAfterTheDeadline_isRefused() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "late", 3);
    Proposal p = propose(voters, Duration.ofMillis(300));
    await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > p.deadline());
    VoteReceipt r = engine(0).submit(voters.get(0).vote(p.id(), 0, 1.0));
    assertThat(r.status()).isIn(VoteStatus.AFTER_DEADLINE, VoteStatus.ALREADY_DECIDED);
    assertThat(decisionOf(p.id()).voters()).isEmpty();
  }

  @Test
  void equivocation_isKeptAsEvidence_andTheVotersLaterVotesDontCount() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "e", 4);
    Proposal p = propose(voters, Duration.ofSeconds(30));
    Voter liar = voters.get(0);
    Vote first = liar.vote(p.id(), Proposal.APPROVE, 1.0);
    Vote second = liar.vote(p.id(), Proposal.REJECT, 1.0);
    assertThat(engine(0).submit(first).status()).isEqualTo(VoteStatus.ACCEPTED);
    VoteReceipt caught = engine(0).submit(second);
    assertThat(caught.status()).isEqualTo(VoteStatus.EQUIVOCATION);
    assertThat(caught.reason()).contains("two different votes");
    assertThat(engine(0).submit(liar.vote(p.id(), Proposal.APPROVE, 0.5)).status())
        .isEqualTo(VoteStatus.EQUIVOCATOR);

    for (Voter v : voters.subList(1, 4)) {
      engine(2).submit(v.vote(p.id(), Proposal.APPROVE, 1.0));
    }
    Decision d = decisionOf(p.id());
    assertThat(d.equivocators()).containsExactly(liar.id());
    EvidenceStore evidence = new EvidenceStore(member(1), ReputationRule.DEFAULT, 65_536);
    await().atMost(Duration.ofSeconds(10)).until(() -> !evidence.against(liar.id()).isEmpty());
    Evidence e = evidence.against(liar.id()).get(0);
    assertThat(e.kind()).isEqualTo(EvidenceKind.EQUIVOCATION);
    assertThat(e.subject()).isEqualTo(p.id());
    assertThat(e.material())
        .hasSize(2)
        .allSatisfy(
            signed ->
                assertThat(
                        NodeKeys.verify(
                            liar.keys().publicKey(), signed.payload(), signed.signature()))
                    .isTrue());
    assertThat(new ReputationStore(member(0)).get(liar.id()).score())
        .as("evidence costs reputation")
        .isLessThan(0.5);
  }

  @Test
  void badProposals_areRefusedNamingTheField_andStoreNothing() {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "bp", 3);
    String proposer = voters.get(0).id();
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER).id("bp1").deadline(1000).build(),
        "deadline: 1000 is in the past");
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER)
            .id("bp2")
            .deadlineIn(Duration.ofDays(3))
            .build(),
        "max-deadline-seconds");
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER).id("bp3").confidence(-0.1).build(),
        "confidence: -0.1");
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER)
            .id("bp4")
            .payload(new byte[70_000])
            .build(),
        "payload: 70000 bytes");
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER)
            .id("bp5")
            .features(new double[300])
            .build(),
        "features: 300 values");
    assertProposalRefused(
        ProposalRequest.builder("nobody", DecisionType.OTHER).id("bp6").build(),
        "proposer: 'nobody'");
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER)
            .id("bp7")
            .electorate(List.of(proposer, "ghost"))
            .build(),
        "electorate[1]: 'ghost'");
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER)
            .id("bp8")
            .options(List.of("only"))
            .build(),
        "options: [only]");
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER).id("bp9").priority(12).build(),
        "priority: 12");
    assertThat(member(0).getMap(SwarmMap.PROPOSALS.mapName()).keySet())
        .noneMatch(k -> k.toString().startsWith("bp"));

    engine(0)
        .propose(
            ProposalRequest.builder(proposer, DecisionType.OTHER)
                .id("twice")
                .electorate(ids(voters))
                .build());
    assertProposalRefused(
        ProposalRequest.builder(proposer, DecisionType.OTHER).id("twice").build(),
        "id: 'twice' is already a proposal");
    assertThat(
            engine(0).stats().proposalsRefused().values().stream().mapToLong(Long::longValue).sum()
                + engine(1).stats().proposalsRefused().values().stream()
                    .mapToLong(Long::longValue)
                    .sum()
                + engine(2).stats().proposalsRefused().values().stream()
                    .mapToLong(Long::longValue)
                    .sum())
        .isGreaterThanOrEqualTo(10);
  }

  @Test
  void manyConcurrentProposals_eachGetExactlyOneDecision_seenAlikeByEveryMember() throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(member(0), "c", 5);
    Map<String, List<Decision>> seen = new ConcurrentHashMap<>();
    engine(2)
        .decisions()
        .addListener(d -> seen.computeIfAbsent(d.proposalId(), k -> new ArrayList<>()).add(d));
    List<String> ids =
        IntStream.range(0, 60)
            .parallel()
            .mapToObj(i -> propose(voters, Duration.ofSeconds(60)).id())
            .toList();
    ids.parallelStream()
        .forEach(
            id -> {
              for (int v = 0; v < 5; v++) {
                ConsensusCalls.vote(
                    member(v % 3), voters.get(v).vote(id, id.hashCode() % 2 == 0 ? 0 : 1, 1.0));
              }
            });
    List<CompletableFuture<Decision>> onMember0 =
        ids.stream().map(id -> engine(0).awaitDecision(id)).toList();
    List<CompletableFuture<Decision>> onMember1 =
        ids.stream().map(id -> engine(1).awaitDecision(id)).toList();
    for (int i = 0; i < ids.size(); i++) {
      Decision a = onMember0.get(i).get(30, TimeUnit.SECONDS);
      Decision b = onMember1.get(i).get(30, TimeUnit.SECONDS);
      assertThat(a.end()).isEqualTo(b.end());
      assertThat(a.decidedAt()).isEqualTo(b.decidedAt());
      assertThat(a.end())
          .isEqualTo(ids.get(i).hashCode() % 2 == 0 ? DecisionEnd.QUORUM : DecisionEnd.REJECTED);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(seen::containsKey));
    assertThat(seen.values()).allMatch(list -> list.size() == 1);
  }

  private static void assertRefused(Vote vote, VoteStatus status, String reasonPart) {
    VoteReceipt r = engine(1).submit(vote);
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.reason()).contains(reasonPart);
    assertThat(r.counted()).isFalse();
  }

  private static void assertProposalRefused(ProposalRequest request, String messagePart) {
    assertThatThrownBy(() -> engine(1).propose(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart);
  }
}
