package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.OutcomeRecord;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.consensus.VoteStatus;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Consensus through SwarmClient, with voters that live in the client process. */
class ConsensusClientTest {
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .cpMembers(3)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("cm" + i)
                                  .keyFile(keyDir().resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(Set.of(EngineKind.CONSENSUS)))
                          .build()));

  static Path keyDir;
  static SwarmClient client;
  static List<ClientNode> voters = new ArrayList<>();

  static Path keyDir() {
    try {
      if (keyDir == null) {
        keyDir = Files.createTempDirectory("swarmgrid-keys");
      }
      return keyDir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void connect() {
    client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                30_000));
    for (int i = 0; i < 5; i++) {
      voters.add(
          client.joinAsNode(
              "worker-" + i, NodeKeys.generate(), "eu", NodeTier.EDGE, List.of("vote")));
    }
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private static List<String> electorate() {
    return voters.stream().map(ClientNode::nodeId).toList();
  }

  @Test
  void proposeVoteAwait_fromClientNodes_andHistory() throws Exception {
    List<Decision> heard = new CopyOnWriteArrayList<>();
    var listener = client.consensus().addDecisionListener(heard::add);
    Proposal p =
        client
            .consensus()
            .propose(
                ProposalRequest.builder("worker-0", DecisionType.MODEL_UPDATE)
                    .electorate(electorate())
                    .features(0.9, 0.1)
                    .payload("model v7".getBytes())
                    .build());
    for (int i = 0; i < 4; i++) {
      assertThat(
              client.consensus().vote(voters.get(i), p.id(), Proposal.APPROVE, 1.0, 0.5).counted())
          .isTrue();
    }
    Decision d = client.consensus().awaitDecision(p.id()).get(30, TimeUnit.SECONDS);
    assertThat(d.end()).isEqualTo(DecisionEnd.QUORUM);
    assertThat(d.type()).isEqualTo(DecisionType.MODEL_UPDATE);
    assertThat(client.consensus().decision(p.id())).isPresent();
    assertThat(client.consensus().history(DecisionType.MODEL_UPDATE, 10))
        .extracting(Decision::proposalId)
        .contains(p.id());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> heard.stream().anyMatch(x -> x.proposalId().equals(p.id())));
    client.consensus().removeDecisionListener(listener);

    OutcomeRecord outcome = client.consensus().reportOutcome(p.id(), true);
    assertThat(outcome.approveWeightFraction()).isEqualTo(0.8);
    assertThat(outcome.voteCount()).isEqualTo(4);
    assertThatThrownBy(() -> client.consensus().reportOutcome(p.id(), false))
        .hasMessageContaining("already reported");
    assertThatThrownBy(() -> client.consensus().reportOutcome("never", true))
        .hasMessageContaining("proposalId: 'never'");
  }

  @Test
  void voteFromAnotherKey_isRefused() {
    Proposal p =
        client
            .consensus()
            .propose(
                ProposalRequest.builder("worker-0", DecisionType.OTHER)
                    .electorate(electorate())
                    .build());
    ClientNode impostor = new ClientNode("worker-1", NodeKeys.generate());
    assertThat(client.consensus().vote(impostor, p.id(), 0, 1.0).status())
        .isEqualTo(VoteStatus.FORGED_SIGNATURE);
  }

  @Test
  void vote_retriedAfterAFailure_resendsTheSameSignedVote_andIsNoEquivocation() {
    Proposal p =
        client
            .consensus()
            .propose(
                ProposalRequest.builder("worker-0", DecisionType.OTHER)
                    .electorate(electorate())
                    .build());
    ClientNode honest = voters.get(2);
    assertThat(client.consensus().vote(honest, p.id(), Proposal.APPROVE, 0.7, 0.2).status())
        .isEqualTo(VoteStatus.ACCEPTED);
    long first = System.currentTimeMillis();
    org.awaitility.Awaitility.await().until(() -> System.currentTimeMillis() > first + 1);

    // The caller did not get the receipt (say, a timeout) and votes again.
    VoteReceipt retry = client.consensus().vote(honest, p.id(), Proposal.APPROVE, 0.7, 0.2);

    assertThat(retry.status()).as(retry.reason()).isEqualTo(VoteStatus.ACCEPTED);
    assertThat(retry.reason()).contains("sent again");
  }

  @Test
  void joinAsNode_badInput_isRefusedNamingTheField() {
    assertThatThrownBy(
            () -> client.joinAsNode("bad id", NodeKeys.generate(), "eu", NodeTier.EDGE, List.of()))
        .hasMessageContaining("id")
        .hasMessageContaining("'bad id'");
    assertThatThrownBy(
            () -> client.joinAsNode("w", NodeKeys.generate(), "e u", NodeTier.EDGE, List.of()))
        .hasMessageContaining("region");
    assertThatThrownBy(
            () ->
                client.joinAsNode("worker-2", NodeKeys.generate(), "eu", NodeTier.EDGE, List.of()))
        .hasMessageContaining("another key");
  }

  @Test
  void asyncApi_manyDecisionsInFlight_eachDecidedOnce() throws Exception {
    // One whole decision from this thread first: the first Vote written and Decision read exchange
    // their Compact schemas in a blocking call, which must not run on a response thread.
    Proposal warm =
        client
            .consensus()
            .propose(
                ProposalRequest.builder("worker-0", DecisionType.OTHER)
                    .electorate(electorate())
                    .build());
    for (int i = 0; i < 4; i++) {
      client.consensus().vote(voters.get(i), warm.id(), Proposal.APPROVE, 1.0);
    }
    List<java.util.concurrent.CompletableFuture<Decision>> decided = new ArrayList<>();
    for (int n = 0; n < 30; n++) {
      ProposalRequest request =
          ProposalRequest.builder("worker-0", DecisionType.OTHER).electorate(electorate()).build();
      List<io.swarmgrid.storage.consensus.Vote> votes =
          voters.stream()
              .map(v -> client.consensus().sign(v, request.id(), Proposal.APPROVE, 1.0))
              .toList();
      decided.add(
          client
              .consensus()
              .proposeAsync(request)
              .thenCompose(
                  p -> {
                    var decision = client.consensus().awaitDecision(p.id());
                    return client.consensus().submitAllAsync(votes).thenCompose(r -> decision);
                  })
              .toCompletableFuture());
    }
    for (var f : decided) {
      assertThat(f.get(30, TimeUnit.SECONDS).approved()).isTrue();
    }
    VoteReceipt unknown =
        client.consensus().voteAsync(voters.get(0), "no-such", 0, 1.0).toCompletableFuture().get();
    assertThat(unknown.status()).isEqualTo(VoteStatus.UNKNOWN_PROPOSAL);
  }
}
