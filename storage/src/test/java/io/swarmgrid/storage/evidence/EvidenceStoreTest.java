package io.swarmgrid.storage.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Evidence is verified before it counts, stored once, and lowers the accused's reputation. */
class EvidenceStoreTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  private final NodeKeys honestKeys = NodeKeys.generate();
  private final NodeKeys liarKeys = NodeKeys.generate();
  private HazelcastInstance client;
  private EvidenceStore store;

  private static NodeInfo node(String id, NodeKeys keys) {
    return new NodeInfo(
        id,
        "eu",
        NodeTier.CLOUD,
        List.of(),
        new Capacity(1, 1, 0),
        keys.publicKey(),
        NodeStatus.ACTIVE,
        "",
        "",
        List.of("fault"),
        "test",
        1,
        1);
  }

  @BeforeEach
  void registerNodes() {
    NodeRegistry registry = new NodeRegistry(cluster.member(0));
    registry.register(node("honest", honestKeys));
    registry.register(node("liar", liarKeys));
    client = cluster.newClient();
    store = new EvidenceStore(client, ReputationRule.DEFAULT, 4096);
  }

  private SignedPayload vote(String text, NodeKeys keys) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    return new SignedPayload("liar", payload, keys.sign(payload));
  }

  private Evidence equivocation(String proposal) {
    return Evidence.sign(
        EvidenceKind.EQUIVOCATION,
        "liar",
        proposal,
        List.of(vote(proposal + ":yes", liarKeys), vote(proposal + ":no", liarKeys)),
        "honest",
        honestKeys,
        1000);
  }

  @Test
  void equivocation_isStoredOnce_andTwoQuarantineTheLiar() {
    var first = store.submit(equivocation("p1"), 1000);
    assertThat(first.counted()).isTrue();
    assertThat(first.accused().score())
        .isEqualTo(
            1.0 - ReputationRule.DEFAULT.evidenceLoss(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first.accused().quarantined()).isFalse();

    var again = store.submit(equivocation("p1"), 1001);
    assertThat(again.counted()).as("the same allegation counts once").isFalse();
    assertThat(again.accused().evidenceCount()).isEqualTo(1);

    var second = store.submit(equivocation("p2"), 1002);
    assertThat(second.accused().quarantined()).isTrue();
    assertThat(new ReputationStore(cluster.member(1)).isQuarantined("liar")).isTrue();
    assertThat(new ReputationStore(client).quarantined())
        .extracting(Reputation::nodeId)
        .containsExactly("liar");
    assertThat(store.against("liar")).hasSize(2);
    assertThat(store.against("honest")).isEmpty();
    Evidence read =
        new EvidenceStore(cluster.member(1), ReputationRule.DEFAULT, 4096)
            .get(first.evidence().evidenceId())
            .orElseThrow();
    assertThat(read).isEqualTo(first.evidence());
  }

  @Test
  void forgedReporterSignature_isRejected_andChangesNothing() {
    Evidence good = equivocation("p3");
    Evidence forged =
        new Evidence(
            good.evidenceId(),
            good.kind(),
            good.accusedNodeId(),
            good.reporterNodeId(),
            good.subject(),
            good.reportedAt() + 1,
            good.material(),
            good.reporterSignature());
    assertThatThrownBy(() -> store.submit(forged, 1000))
        .isInstanceOf(EvidenceRejectedException.class)
        .hasMessageContaining("reporterSignature", "does not verify", "honest");
    Evidence unsigned =
        new Evidence(
            good.evidenceId(),
            good.kind(),
            good.accusedNodeId(),
            good.reporterNodeId(),
            good.subject(),
            good.reportedAt(),
            good.material(),
            null);
    assertThatThrownBy(() -> store.submit(unsigned, 1000))
        .hasMessageContaining("reporterSignature");
    assertNothingChanged();
  }

  @Test
  void unknownNodes_areRejected() {
    Evidence aboutStranger =
        Evidence.sign(
            EvidenceKind.DISAGREEING_RESULT,
            "stranger",
            "t1",
            List.of(vote("result", liarKeys)),
            "honest",
            honestKeys,
            1000);
    assertThatThrownBy(() -> store.submit(aboutStranger, 1000))
        .hasMessageContaining("accusedNodeId: 'stranger' is not a registered node");
    Evidence byStranger =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "liar",
            "p",
            List.of(vote("a", liarKeys), vote("b", liarKeys)),
            "ghost",
            NodeKeys.generate(),
            1000);
    assertThatThrownBy(() -> store.submit(byStranger, 1000))
        .hasMessageContaining("reporterNodeId: 'ghost' is not a registered node");
    assertNothingChanged();
  }

  @Test
  void equivocationMaterial_mustBeTwoDifferentMessagesSignedByTheAccused() {
    SignedPayload one = vote("same", liarKeys);
    Evidence equal =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION, "liar", "p", List.of(one, one), "honest", honestKeys, 1);
    assertThatThrownBy(() -> store.submit(equal, 1))
        .hasMessageContaining("material[1]", "must differ");
    // A reporter cannot frame a node with messages the node never signed.
    Evidence framed =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "liar",
            "p",
            List.of(vote("yes", honestKeys), vote("no", honestKeys)),
            "honest",
            honestKeys,
            1);
    assertThatThrownBy(() -> store.submit(framed, 1))
        .hasMessageContaining("material[0].signature", "does not verify", "accused liar");
    Evidence tooBig =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "liar",
            "p",
            List.of(vote("x".repeat(3000), liarKeys), vote("y".repeat(3000), liarKeys)),
            "honest",
            honestKeys,
            1);
    assertThatThrownBy(() -> store.submit(tooBig, 1))
        .hasMessageContaining("material", "exceeds fault.max-evidence-material-bytes 4096");
    Evidence wrongId =
        new Evidence(
            "abc",
            EvidenceKind.EQUIVOCATION,
            "liar",
            "honest",
            "p",
            1,
            List.of(vote("yes", liarKeys), vote("no", liarKeys)),
            new byte[64]);
    assertThatThrownBy(() -> store.submit(wrongId, 1))
        .hasMessageContaining("evidenceId: 'abc' does not match");
    assertNothingChanged();
  }

  @Test
  void quarantinedReporter_cannotAccuse() {
    store.submit(equivocation("q1"), 1);
    store.submit(equivocation("q2"), 1);
    Evidence revenge =
        Evidence.sign(
            EvidenceKind.DISAGREEING_RESULT,
            "honest",
            "t9",
            List.of(new SignedPayload("honest", new byte[] {1}, honestKeys.sign(new byte[] {1}))),
            "liar",
            liarKeys,
            2);
    assertThatThrownBy(() -> store.submit(revenge, 2))
        .hasMessageContaining("reporterNodeId: 'liar' is quarantined");
    assertThat(new ReputationStore(client).get("honest").score()).isEqualTo(Reputation.NEUTRAL);
  }

  @Test
  void operatorRelease_liftsQuarantine() {
    store.submit(equivocation("r1"), 1);
    store.submit(equivocation("r2"), 1);
    ReputationStore reputations = new ReputationStore(client);
    Reputation released = reputations.release("liar", ReputationRule.DEFAULT, 2);
    assertThat(released.quarantined()).isFalse();
    assertThat(released.score()).isGreaterThanOrEqualTo(ReputationRule.DEFAULT.releaseThreshold());
    assertThat(reputations.quarantined()).isEmpty();
  }

  private void assertNothingChanged() {
    assertThat(cluster.member(0).getMap(SwarmMap.EVIDENCE.mapName()).size()).isZero();
    assertThat(new ReputationStore(client).get("liar").score()).isEqualTo(Reputation.NEUTRAL);
  }
}
