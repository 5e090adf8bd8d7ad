package io.swarmgrid.plugin.consensus;

import static io.swarmgrid.plugin.consensus.ConsensusTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusTestSupport.Voter;
import io.swarmgrid.plugin.consensus.internal.AtomicReferenceCommitLog;
import io.swarmgrid.plugin.consensus.internal.ExpiredDecisionSweep;
import io.swarmgrid.plugin.consensus.internal.RetentionSweep;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.CommitShard;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Decisions that reach their quorum together are committed together (one Raft operation per shard
 * touched, one publication call, one marking call), each exactly once, also while a member that
 * holds tallies is killed; and what a committed decision leaves behind besides the decision expires
 * after {@code retention-seconds}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsensusGroupCommitTest {
  private static final ConsensusConfig CONFIG =
      ConsensusConfig.custom().cpShards(4).retentionSeconds(10).build();

  @RegisterExtension static final EmbeddedCluster cluster = ConsensusTestSupport.cluster(4, CONFIG);

  private static ConsensusEngine engine(HazelcastInstance member) {
    return SwarmGrid.service(member, ConsensusEngine.class).orElseThrow();
  }

  private static ProposalRequest request(List<Voter> voters) {
    return ProposalRequest.builder(voters.get(0).id(), DecisionType.TASK_ASSIGNMENT)
        .electorate(ids(voters))
        .deadlineIn(Duration.ofSeconds(120))
        .build();
  }

  @Test
  @Order(2)
  void committedTally_isCompacted_andWithItsProposalGoneAfterTheRetention_decisionStays()
      throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "keep", 3);
    ConsensusEngine engine = engine(cluster.member(0));
    ProposalRequest request = request(voters);
    Proposal p = engine.proposeAsync(request).toCompletableFuture().get(30, TimeUnit.SECONDS);
    engine
        .submitAllAsync(voters.stream().map(v -> v.vote(p.id(), Proposal.APPROVE, 1.0)).toList())
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    Decision decision = engine.awaitDecision(p.id()).get(30, TimeUnit.SECONDS);
    var tallies = cluster.member(1).<String, Tally>getMap(SwarmMap.VOTES.mapName());
    var proposals = cluster.member(1).<String, Proposal>getMap(SwarmMap.PROPOSALS.mapName());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> tallies.get(p.id()).status() == TallyStatus.COMMITTED);
    Tally kept = tallies.get(p.id());
    assertThat(kept.votes()).isEmpty();
    assertThat(kept.eligible()).isEmpty();
    assertThat(kept.publicKeys()).isEmpty();
    assertThat(kept.decision().decidedAt()).isEqualTo(decision.decidedAt());
    assertThat(proposals.containsKey(p.id())).isTrue();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !tallies.containsKey(p.id()) && !proposals.containsKey(p.id()));
    assertThat(engine(cluster.member(2)).decisions().get(p.id()))
        .hasValueSatisfying(d -> assertThat(d.decidedAt()).isEqualTo(decision.decidedAt()));
  }

  // First: the cluster's teardown between tests destroys swarm.decisions, and with it the
  // engines' decision listeners (awaitDecision re-reads; listeners would hear nothing after).
  @Test
  @Order(1)
  void manyDecisionsReachingQuorumTogether_areCommittedInGroups_eachOnce_underAMemberKill()
      throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "group", 3);
    ConsensusEngine engine = engine(cluster.member(0));
    Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
    engine
        .decisions()
        .addListener(
            d -> heard.computeIfAbsent(d.proposalId(), k -> new AtomicInteger()).incrementAndGet());
    List<ProposalRequest> requests = new ArrayList<>();
    List<CompletableFuture<Proposal>> proposed = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      ProposalRequest request = request(voters);
      requests.add(request);
      proposed.add(engine.proposeAsync(request).toCompletableFuture());
    }
    CompletableFuture.allOf(proposed.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    // Every vote of every proposal in one call: the 120 tallies reach their quorum together.
    List<Vote> votes = new ArrayList<>();
    for (ProposalRequest r : requests) {
      voters.forEach(v -> votes.add(v.vote(r.id(), Proposal.APPROVE, 1.0)));
    }
    CompletableFuture<?> voted = engine.submitAllAsync(votes).toCompletableFuture();
    // Member 3 is not a CP member: killing it loses tallies' primaries while they commit.
    cluster.member(3).getLifecycleService().terminate();
    try {
      voted.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // The kill may cut the call off; the votes that landed count, the rest are sent again.
      engine.submitAllAsync(votes).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    List<String> ids = requests.stream().map(ProposalRequest::id).toList();
    Map<String, Decision> first = ConsensusTestSupport.awaitAll(engine, ids, cluster.member(1));
    for (int m = 1; m < 3; m++) {
      Map<String, Decision> read = ConsensusTestSupport.awaitAll(engine(cluster.member(m)), ids);
      for (String id : ids) {
        Decision seen = read.get(id);
        assertThat(List.of(seen.end(), seen.outcome(), seen.decidedAt()))
            .as(id)
            .isEqualTo(
                List.of(first.get(id).end(), first.get(id).outcome(), first.get(id).decidedAt()));
      }
    }
    // Heard at most once. A listener can miss a decision whose publisher died as it published (the
    // event goes with it; awaitDecision re-reads and does not miss it): not counted here.
    assertThat(heard.values()).allMatch(n -> n.get() == 1);
    assertThat(ids).containsAll(heard.keySet());

    // Each proposal is in the CP log once, with the decision every member reads.
    Map<String, Integer> inLog = new HashMap<>();
    int shards = engine.commitShards();
    for (int s = 0; s < shards; s++) {
      CommitShard shard =
          cluster
              .member(0)
              .getCPSubsystem()
              .<CommitShard>getAtomicReference(AtomicReferenceCommitLog.PREFIX + s)
              .get();
      if (shard != null) {
        shard
            .byProposal()
            .forEach(
                (id, c) -> {
                  if (first.containsKey(id)) {
                    inLog.merge(id, 1, Integer::sum);
                    assertThat(c.matches(first.get(id))).as(id).isTrue();
                  }
                });
      }
    }
    assertThat(inLog).hasSize(ids.size());
    assertThat(inLog.values()).allMatch(n -> n == 1);

    long batches = 0;
    long decisions = 0;
    for (int m = 0; m < 3; m++) {
      ConsensusStats stats = engine(cluster.member(m)).stats();
      batches += stats.commitBatches();
      decisions += stats.decisions().values().stream().mapToLong(Long::longValue).sum();
    }
    assertThat(batches).as("commit groups for %d decisions", decisions).isLessThan(decisions);
  }

  /**
   * The sweep removes retained tallies and proposal records itself, whatever Hazelcast's expiry
   * does: run at a time past the retention, it leaves nothing, counted by what the members
   * physically hold (an expired entry not removed yet is still held and counted).
   */
  @Test
  @Order(3)
  void sweeps_pastTheRetention_leaveNoTallyNorProposalRecord_andPastTheTtl_noDecision()
      throws Exception {
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "sweep", 3);
    ConsensusEngine engine = engine(cluster.member(0));
    List<String> ids = new ArrayList<>();
    List<Vote> votes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Proposal p =
          engine.proposeAsync(request(voters)).toCompletableFuture().get(30, TimeUnit.SECONDS);
      ids.add(p.id());
      voters.forEach(v -> votes.add(v.vote(p.id(), Proposal.APPROVE, 1.0)));
    }
    engine.submitAllAsync(votes).toCompletableFuture().get(30, TimeUnit.SECONDS);
    for (String id : ids) {
      engine.awaitDecision(id).get(30, TimeUnit.SECONDS);
    }
    var tallies = cluster.member(0).<String, Tally>getMap(SwarmMap.VOTES.mapName());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                tallies
                    .keySet(
                        com.hazelcast.query.Predicates.equal(
                            "status", TallyStatus.COMMITTED.name()))
                    .containsAll(ids));
    assertThat(held(SwarmMap.PROPOSALS)).isGreaterThanOrEqualTo(ids.size());

    long past = System.currentTimeMillis() + Duration.ofSeconds(11).toMillis();
    int removed = 0;
    for (HazelcastInstance m : running()) {
      removed += new RetentionSweep(m, 10, Duration.ofSeconds(30)).sweep(past);
    }
    assertThat(removed).isGreaterThanOrEqualTo(ids.size());
    assertThat(held(SwarmMap.VOTES)).isZero();
    assertThat(held(SwarmMap.PROPOSALS)).isZero();
    assertThat(engine.decisions().get(ids.get(0))).isPresent();

    // Past the decisions' TTL (60 s here), their sweep removes them too.
    long pastTtl = System.currentTimeMillis() + Duration.ofSeconds(61).toMillis();
    int expired = 0;
    for (HazelcastInstance m : running()) {
      expired += new ExpiredDecisionSweep(m, 60).sweep(pastTtl);
    }
    assertThat(expired).isGreaterThanOrEqualTo(ids.size());
    assertThat(held(SwarmMap.DECISIONS)).isZero();
  }

  private static List<HazelcastInstance> running() {
    return cluster.members().stream().filter(m -> m.getLifecycleService().isRunning()).toList();
  }

  /** Entries of {@code map} the running members own, expired ones not yet removed included. */
  private static long held(SwarmMap map) {
    long n = 0;
    for (HazelcastInstance m : running()) {
      n += m.getMap(map.mapName()).getLocalMapStats().getOwnedEntryCount();
    }
    return n;
  }
}
