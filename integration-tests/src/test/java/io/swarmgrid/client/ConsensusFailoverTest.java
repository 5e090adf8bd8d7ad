package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionStore;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member is killed while proposals are mid-round: every proposal still gets exactly one decision,
 * and observers attached to different members see the same one.
 */
class ConsensusFailoverTest {
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(4)
          .cpMembers(3)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("fm" + i)
                                  .keyFile(keys().resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(Set.of(EngineKind.CONSENSUS)))
                          .build()));

  private static Path keys;

  private static Path keys() {
    try {
      if (keys == null) {
        keys = Files.createTempDirectory("swarmgrid-failover-keys");
      }
      return keys;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A client bound to one member only (no smart routing), so that observers sit on different
   * members.
   */
  private static HazelcastInstance observerOn(HazelcastInstance member) {
    ClientConfig cc = cluster.clientConfig();
    var a = member.getCluster().getLocalMember().getAddress();
    cc.getNetworkConfig()
        .setAddresses(List.of(a.getHost() + ":" + a.getPort()))
        .setSmartRouting(false);
    return cluster.newClient(cc);
  }

  private static VoteReceipt voteRetrying(SwarmClient client, ClientNode voter, String proposalId) {
    // While the dead member's partitions move, a call can fail once; the vote itself is idempotent.
    for (int attempt = 0; ; attempt++) {
      try {
        return client.consensus().vote(voter, proposalId, Proposal.APPROVE, 1.0);
      } catch (RuntimeException e) {
        if (attempt >= 20) {
          throw e;
        }
      }
    }
  }

  @Test
  void memberKilledMidRound_everyProposalGetsExactlyOneDecision_andObserversAgree()
      throws Exception {
    // Members 0..2 are the CP members; member 3 is killed: it owns a quarter of the tallies.
    HazelcastInstance victim = cluster.member(3);
    // Partitions migrate to a member after it joins: wait until the victim owns its share.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                victim.getPartitionService().isClusterSafe()
                    && victim.getPartitionService().getPartitions().stream()
                        .anyMatch(p -> p.getOwner() != null && p.getOwner().localMember()));
    DecisionStore observerA = new DecisionStore(observerOn(cluster.member(0)));
    DecisionStore observerB = new DecisionStore(observerOn(cluster.member(1)));
    Map<String, AtomicInteger> eventsA = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> eventsB = new ConcurrentHashMap<>();
    observerA.addListener(
        d -> eventsA.computeIfAbsent(d.proposalId(), k -> new AtomicInteger()).incrementAndGet());
    observerB.addListener(
        d -> eventsB.computeIfAbsent(d.proposalId(), k -> new AtomicInteger()).incrementAndGet());

    SwarmClientConfig config =
        new SwarmClientConfig(
            cluster.clusterName(),
            cluster.clientConfig().getNetworkConfig().getAddresses(),
            30_000);
    try (SwarmClient client = SwarmClient.connect(config)) {
      List<ClientNode> voters = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        voters.add(
            client.joinAsNode("fv-" + i, NodeKeys.generate(), "eu", NodeTier.EDGE, List.of()));
      }
      List<String> electorate = voters.stream().map(ClientNode::nodeId).toList();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ids.add(
            client
                .consensus()
                .propose(
                    ProposalRequest.builder("fv-0", DecisionType.TASK_ASSIGNMENT)
                        .electorate(electorate)
                        .deadlineIn(Duration.ofMinutes(2))
                        .build())
                .id());
      }
      // Three of five approve: 3/5 < 2/3, so every proposal is still open.
      for (String id : ids) {
        for (int v = 0; v < 3; v++) {
          client.consensus().vote(voters.get(v), id, Proposal.APPROVE, 1.0);
        }
      }
      int ownedByVictim =
          (int)
              ids.stream()
                  .filter(
                      id -> victim.getPartitionService().getPartition(id).getOwner().localMember())
                  .count();
      assertThat(ownedByVictim).as("the victim holds some of the tallies").isPositive();

      victim.getLifecycleService().terminate();

      for (String id : ids) {
        voteRetrying(client, voters.get(3), id);
        voteRetrying(client, voters.get(4), id);
      }
      for (String id : ids) {
        Decision a = observerA.await(id).get(60, TimeUnit.SECONDS);
        Decision b = observerB.await(id).get(60, TimeUnit.SECONDS);
        assertThat(a.end()).as(id).isEqualTo(b.end());
        assertThat(a.decidedAt()).as(id).isEqualTo(b.decidedAt());
        assertThat(a.voters()).as(id).isEqualTo(b.voters());
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  ids.stream().allMatch(id -> eventsA.containsKey(id) && eventsB.containsKey(id)));
      for (String id : ids) {
        assertThat(eventsA.get(id).get()).as("one decision event for %s", id).isEqualTo(1);
        assertThat(eventsB.get(id).get()).as("one decision event for %s", id).isEqualTo(1);
      }
    }
  }
}
