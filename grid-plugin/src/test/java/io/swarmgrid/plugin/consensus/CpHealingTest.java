package io.swarmgrid.plugin.consensus;

import static io.swarmgrid.plugin.consensus.ConsensusTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.CPGroup;
import com.hazelcast.cp.CPGroupId;
import com.hazelcast.cp.CPMember;
import com.hazelcast.cp.CPSubsystemManagementService;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.CpConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusTestSupport.Voter;
import io.swarmgrid.plugin.hazelcast.CpRaftNodes;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.VoteStatus;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CP member is killed and replaced by a fresh member: the CP group heals back to three (missing
 * member removed, newcomer promoted) and decisions keep being committed, each exactly once.
 *
 * <p>Not yet: a second CP member killed after the first heal. On Hazelcast 5.4 the METADATA group
 * then stayed without a leader for over a minute in every run (the removal of the second member
 * never completed), even after the newcomer's Raft nodes had committed the three-member membership;
 * see docs/CONSENSUS.md.
 */
class CpHealingTest {
  @RegisterExtension
  static final EmbeddedCluster cluster =
      ConsensusTestSupport.cluster(3, ConsensusConfig.custom().cp(new CpConfig(2)).build())
          .configure(
              (i, c) -> {
                c.setProperty("hazelcast.max.no.heartbeat.seconds", "5")
                    .setProperty("hazelcast.heartbeat.interval.seconds", "1");
                // Raft followers notice a dead leader after 3 missed 1 s heartbeats, not 5 x 5 s.
                c.getCPSubsystemConfig()
                    .getRaftAlgorithmConfig()
                    .setLeaderHeartbeatPeriodInMillis(1000)
                    .setMaxMissedLeaderHeartbeatCount(3);
              });

  private static ConsensusEngine engine() {
    return SwarmGrid.service(cluster.member(0), ConsensusEngine.class).orElseThrow();
  }

  private static List<String> decideSome(List<Voter> voters, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Proposal p =
          engine()
              .propose(
                  ProposalRequest.builder(voters.get(0).id(), DecisionType.OTHER)
                      .electorate(ids(voters))
                      .deadlineIn(Duration.ofMinutes(5))
                      .build());
      for (Voter v : voters) {
        if (engine().submit(v.vote(p.id(), Proposal.APPROVE, 1.0)).status() == VoteStatus.DECIDED) {
          break;
        }
      }
      ids.add(p.id());
    }
    for (String id : ids) {
      engine().awaitDecision(id).get(60, TimeUnit.SECONDS);
    }
    return ids;
  }

  private static Collection<CPMember> cpMembers() throws Exception {
    return cluster
        .member(0)
        .getCPSubsystem()
        .getCPSubsystemManagementService()
        .getCPMembers()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  /**
   * Members of the smallest CP group (METADATA and the default group): a promoted member joins the
   * groups one membership change at a time, after it is listed as a CP member.
   */
  private static int smallestGroup() throws Exception {
    CPSubsystemManagementService cp =
        cluster.member(0).getCPSubsystem().getCPSubsystemManagementService();
    int smallest = Integer.MAX_VALUE;
    for (CPGroupId id : cp.getCPGroupIds().toCompletableFuture().get(30, TimeUnit.SECONDS)) {
      CPGroup group = cp.getCPGroup(id.getName()).toCompletableFuture().get(30, TimeUnit.SECONDS);
      smallest = Math.min(smallest, group.members().size());
    }
    return smallest;
  }

  private static void killAndReplace(HazelcastInstance victim) {
    // By CP UUID: a promoted member's is not its member UUID, and the replacement may well get the
    // lost member's port.
    UUID gone = victim.getCPSubsystem().getLocalCPMember().getUuid();
    victim.getLifecycleService().terminate();
    // The lost member is removed only once a member outside CP can take its seat: three members,
    // all CP, keep it (it could be only partitioned away) until the replacement joins.
    HazelcastInstance replacement = cluster.startMember();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                cpMembers().stream().noneMatch(m -> m.getUuid().equals(gone))
                    && cpMembers().size() == 3
                    && replacement.getCPSubsystem().getLocalCPMember() != null
                    && smallestGroup() == 3
                    && cluster.members().stream()
                        .filter(m -> m.getLifecycleService().isRunning())
                        .filter(m -> m.getCPSubsystem().getLocalCPMember() != null)
                        .allMatch(m -> CpRaftNodes.settled(m, 2, 3)));
  }

  @Test
  void twoCpMembersKilledInTurn_withReplacements_groupHeals_andDecisionsCommitOnce()
      throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> engine().ready());
    List<Voter> voters = ConsensusTestSupport.voters(cluster.member(0), "heal", 3);
    Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
    engine()
        .decisions()
        .addListener(
            d -> heard.computeIfAbsent(d.proposalId(), k -> new AtomicInteger()).incrementAndGet());
    List<String> ids = new ArrayList<>(decideSome(voters, 5));

    killAndReplace(cluster.member(2));
    ids.addAll(decideSome(voters, 5));
    killAndReplace(cluster.member(1));
    ids.addAll(decideSome(voters, 5));

    Map<String, Tally> tallies =
        cluster.member(0).<String, Tally>getMap(SwarmMap.VOTES.mapName()).getAll(Set.copyOf(ids));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ids.stream().allMatch(heard::containsKey)
                    && cluster
                        .member(0)
                        .<String, Tally>getMap(SwarmMap.VOTES.mapName())
                        .getAll(Set.copyOf(ids))
                        .values()
                        .stream()
                        .allMatch(t -> t.status() == TallyStatus.COMMITTED));
    assertThat(tallies).hasSize(ids.size());
    assertThat(heard.values()).allMatch(n -> n.get() == 1);
    for (String id : ids) {
      Decision published = engine().decisions().get(id).orElseThrow();
      HazelcastInstance newest = cluster.member(cluster.members().size() - 1);
      Decision seenByNewest = newest.<String, Decision>getMap(SwarmMap.DECISIONS.mapName()).get(id);
      assertThat(seenByNewest.decidedAt()).isEqualTo(published.decidedAt());
    }
    assertThat(cpMembers()).hasSize(3);
  }
}
