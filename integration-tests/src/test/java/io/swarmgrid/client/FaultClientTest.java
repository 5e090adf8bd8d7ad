package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.client.fault.FaultClient;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.plugin.fault.FaultToleranceEngine;
import io.swarmgrid.storage.checkpoint.CheckpointInfo;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SwarmClient's fault API against three members running the fault engine. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultClientTest {
  @TempDir static Path keys;
  static final NodeKeys OPERATOR = NodeKeys.generate();

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep(
              "swarm.nodes",
              "swarm.checkpoints",
              "swarm.work",
              "swarm.reputation",
              "swarm.recovery")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("n" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.FAULT)))
                          .fault(
                              FaultConfig.custom()
                                  .operatorPublicKey(
                                      Base64.getEncoder().encodeToString(OPERATOR.publicKey()))
                                  .build())
                          .storage(
                              StorageConfig.custom()
                                  .checkpointMaxBytes(1024)
                                  .checkpointRetainedVersions(3)
                                  .build())
                          .build()));

  static SwarmClient client;

  @BeforeAll
  static void connect() {
    client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                30_000));
    for (int i = 0; i < 3; i++) {
      int m = i;
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> SwarmGrid.service(cluster.member(m), FaultToleranceEngine.class).isPresent());
    }
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private static SwarmNode node(int i) {
    return SwarmGrid.node(cluster.member(i)).orElseThrow();
  }

  private static List<SignedPayload> twoVotes(SwarmNode n, String proposal) {
    return List.of(0, 1).stream()
        .map(c -> Vote.signed(n.keys(), proposal, n.nodeId(), c, 1.0, new double[0], 1))
        .map(v -> new SignedPayload(n.nodeId(), v.signedBytes(), v.signature()))
        .toList();
  }

  @Test
  @Order(1)
  void lyingNode_isQuarantined_listed_andReleasedByTheOperator() {
    SwarmNode honest = node(0);
    SwarmNode liar = node(1);
    FaultClient fault = client.fault();
    for (String p : List.of("p1", "p2")) {
      Evidence e =
          Evidence.sign(
              EvidenceKind.EQUIVOCATION,
              liar.nodeId(),
              p,
              twoVotes(liar, p),
              honest.nodeId(),
              honest.keys(),
              1);
      assertThat(fault.reportEvidence(e).counted()).isTrue();
    }
    assertThat(fault.quarantined()).extracting(Reputation::nodeId).containsExactly(liar.nodeId());
    assertThat(fault.evidenceAgainst(liar.nodeId())).hasSize(2);
    assertThat(fault.recentEvidence(1)).hasSize(1);

    Evidence unknown =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "nobody",
            "p9",
            twoVotes(liar, "p9"),
            honest.nodeId(),
            honest.keys(),
            1);
    assertThatThrownBy(() -> fault.reportEvidence(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accusedNodeId: 'nobody' is not a registered node");

    assertThatThrownBy(() -> fault.release(liar.nodeId(), liar.keys()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not verify with fault.operator-public-key");
    assertThat(fault.release(liar.nodeId(), OPERATOR).quarantined()).isFalse();
    assertThat(fault.quarantined()).isEmpty();
    assertThat(fault.reputation(liar.nodeId()).evidenceCount()).isEqualTo(2);
  }

  @Test
  @Order(2)
  void quarantinedNode_getsNoNewWork_andHealthShowsIt() {
    SwarmNode honest = node(0);
    SwarmNode liar = node(1);
    FaultClient fault = client.fault();
    for (String p : List.of("p3", "p4")) {
      fault.reportEvidence(
          Evidence.sign(
              EvidenceKind.EQUIVOCATION,
              liar.nodeId(),
              p,
              twoVotes(liar, p),
              honest.nodeId(),
              honest.keys(),
              1));
    }
    assertThatThrownBy(() -> fault.work().create("w-liar", "task", liar.nodeId(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ownerNode: 'n1' is quarantined");
    assertThat(fault.work().createAll(List.of("w-1", "w-2", "w-3", "w-4"), "task", "n2", 1))
        .hasSize(4);
    await().atMost(Duration.ofSeconds(30)).until(() -> fault.health().size() == 3);
    assertThat(fault.health())
        .anySatisfy(
            h -> {
              assertThat(h.nodeId()).isEqualTo("n1");
              assertThat(h.quarantined()).isTrue();
            })
        .anySatisfy(
            h -> {
              assertThat(h.nodeId()).isEqualTo("n2");
              assertThat(h.load()).isEqualTo(4);
              assertThat(h.heartbeatAgeMillis()).isLessThan(60_000);
            });
  }

  @Test
  @Order(3)
  void checkpoints_saveListRestore_limitsFromTheMember_andSurviveAMemberKill() {
    FaultClient fault = client.fault();
    for (int v = 1; v <= 4; v++) {
      fault.saveCheckpoint("model-a", ("weights " + v).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(fault.checkpoints("model-a"))
        .extracting(CheckpointInfo::version)
        .containsExactly(2L, 3L, 4L);
    assertThatThrownBy(() -> fault.saveCheckpoint("model-a", new byte[2048]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2048");
    assertThatThrownBy(() -> fault.restore("model-a", 1))
        .hasMessageContaining("version: 1 does not exist");

    // Kill (not shut down) one member: the backups still hold every version.
    cluster.member(2).getLifecycleService().terminate();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.member(0).getCluster().getMembers().size() == 2);
    assertThat(
            new String(fault.restoreLatest("model-a").orElseThrow().data(), StandardCharsets.UTF_8))
        .isEqualTo("weights 4");
    assertThat(new String(fault.restore("model-a", 2).data(), StandardCharsets.UTF_8))
        .isEqualTo("weights 2");

    // n2's work moves after the grace period, and only to n0: the quarantined n1 gets no new work.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> fault.recoveryEvents().stream().anyMatch(e -> e.lostNode().equals("n2")));
    assertThat(fault.recoveryEvents().get(0).itemsReassigned()).isEqualTo(4);
    assertThat(fault.recoveryEvents().get(0).targets()).containsExactly("n0=4");
    assertThat(fault.work().getAll(List.of("w-1", "w-2", "w-3", "w-4")).values())
        .hasSize(4)
        .allSatisfy(w -> assertThat(w.ownerNode()).isEqualTo("n0"));
  }
}
