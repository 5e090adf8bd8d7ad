package io.swarmgrid.storage.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.Capacity;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Vote;
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
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Evidence is checked for what it claims before it counts, stored once per material, and lowers the
 * accused's reputation.
 */
class EvidenceStoreTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  private final NodeKeys honestKeys = NodeKeys.generate();
  private final NodeKeys liarKeys = NodeKeys.generate();
  private final NodeKeys outsiderKeys = NodeKeys.generate();
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
    registry.register(node("outsider", outsiderKeys));
    client = cluster.newClient();
    store = new EvidenceStore(client, ReputationRule.DEFAULT, 4096);
  }

  private static SignedPayload vote(String voter, NodeKeys keys, String proposal, int choice) {
    Vote v = Vote.signed(keys, proposal, voter, choice, 1.0, new double[] {0.5}, 1000);
    return new SignedPayload(voter, v.signedBytes(), v.signature());
  }

  private Evidence equivocation(String proposal) {
    return Evidence.sign(
        EvidenceKind.EQUIVOCATION,
        "liar",
        proposal,
        List.of(vote("liar", liarKeys, proposal, 0), vote("liar", liarKeys, proposal, 1)),
        "honest",
        honestKeys,
        1000);
  }

  @Test
  void equivocation_isStoredOnce_andTwoQuarantineTheLiar() {
    var first = store.submit(equivocation("p1"), 1000);
    assertThat(first.counted()).isTrue();
    assertThat(first.accused().score())
        .isEqualTo(1.0 - ReputationRule.DEFAULT.evidenceLoss(), Offset.offset(1e-9));
    assertThat(first.accused().quarantined()).isFalse();

    var again = store.submit(equivocation("p1"), 1001);
    assertThat(again.counted()).as("the same material counts once").isFalse();
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
  void honestVotesOnTwoProposals_areNoEquivocation_andChangeNothing() {
    // The attack of issue 13: an outsider files an honest voter's votes on two proposals.
    Evidence framed =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "honest",
            "p1",
            List.of(vote("honest", honestKeys, "p1", 0), vote("honest", honestKeys, "p2", 1)),
            "outsider",
            outsiderKeys,
            1);
    assertThatThrownBy(() -> store.submit(framed, 1))
        .isInstanceOf(EvidenceRejectedException.class)
        .hasMessageContaining("material[1]", "a vote on p2", "same proposal");
    Evidence sameChoice =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "honest",
            "p1",
            List.of(
                vote("honest", honestKeys, "p1", 1),
                new SignedPayload(
                    "honest",
                    Vote.signed(honestKeys, "p1", "honest", 1, 0.5, new double[0], 2).signedBytes(),
                    Vote.signed(honestKeys, "p1", "honest", 1, 0.5, new double[0], 2).signature())),
            "outsider",
            outsiderKeys,
            1);
    assertThatThrownBy(() -> store.submit(sameChoice, 1))
        .hasMessageContaining("material[1]", "choice 1", "two different choices");
    byte[] text = "p1 yes".getBytes(StandardCharsets.UTF_8);
    Evidence notVotes =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "honest",
            "p1",
            List.of(
                new SignedPayload("honest", text, honestKeys.sign(text)),
                vote("honest", honestKeys, "p1", 0)),
            "outsider",
            outsiderKeys,
            1);
    assertThatThrownBy(() -> store.submit(notVotes, 1))
        .hasMessageContaining("material[0].payload", "is not a vote's signed bytes");
    assertThat(new ReputationStore(client).get("honest").score()).isEqualTo(Reputation.NEUTRAL);
    assertThat(cluster.member(0).getMap(SwarmMap.EVIDENCE.mapName()).size()).isZero();
  }

  @Test
  void sameMaterial_underAnotherSubject_countsOnce() {
    assertThat(store.submit(equivocation("p5"), 1).counted()).isTrue();
    Evidence renamed =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "liar",
            "p5-again",
            equivocation("p5").material(),
            "outsider",
            outsiderKeys,
            2);
    assertThat(renamed.evidenceId()).isEqualTo(equivocation("p5").evidenceId());
    assertThatThrownBy(() -> store.submit(renamed, 2))
        .hasMessageContaining("subject: 'p5-again' must be what the material is about, p5");
    Evidence byAnother =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "liar",
            "p5",
            equivocation("p5").material(),
            "outsider",
            outsiderKeys,
            3);
    assertThat(store.submit(byAnother, 3).counted()).isFalse();
    assertThat(new ReputationStore(client).get("liar").evidenceCount()).isEqualTo(1);
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
            EvidenceKind.EQUIVOCATION,
            "stranger",
            "p",
            List.of(vote("stranger", liarKeys, "p", 0), vote("stranger", liarKeys, "p", 1)),
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
            equivocation("p").material(),
            "ghost",
            NodeKeys.generate(),
            1000);
    assertThatThrownBy(() -> store.submit(byStranger, 1000))
        .hasMessageContaining("reporterNodeId: 'ghost' is not a registered node");
    assertNothingChanged();
  }

  @Test
  void equivocationMaterial_mustBeTwoVotesSignedByTheAccused() {
    SignedPayload one = vote("liar", liarKeys, "p", 0);
    Evidence equal =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION, "liar", "p", List.of(one, one), "honest", honestKeys, 1);
    assertThatThrownBy(() -> store.submit(equal, 1))
        .hasMessageContaining("material[1]", "two different choices");
    // A retry re-signed with a new timestamp and the same choice: a duplicate, not equivocation
    // (the tally treats it the same way).
    Vote retried = Vote.signed(liarKeys, "p", "liar", 0, 0.7, new double[] {0.5}, 2000);
    Evidence retry =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "liar",
            "p",
            List.of(one, new SignedPayload("liar", retried.signedBytes(), retried.signature())),
            "honest",
            honestKeys,
            1);
    assertThatThrownBy(() -> store.submit(retry, 1))
        .hasMessageContaining("material[1]", "two different choices");
    // A reporter cannot frame a node with votes the node never signed.
    Evidence framed =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "liar",
            "p",
            List.of(vote("liar", honestKeys, "p", 0), vote("liar", honestKeys, "p", 1)),
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
            List.of(
                vote("liar", liarKeys, "x".repeat(3000), 0),
                vote("liar", liarKeys, "x".repeat(3000), 1)),
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
            equivocation("p").material(),
            new byte[64]);
    assertThatThrownBy(() -> store.submit(wrongId, 1))
        .hasMessageContaining("evidenceId: 'abc' does not match");
    assertNothingChanged();
  }

  @Test
  void forgedMessage_mustBeAVoteInAnotherNodesName_signedByTheAccused() {
    // The liar signs a vote in the honest node's name: proof of forgery by the liar.
    Vote inHonestsName = Vote.signed(liarKeys, "f1", "honest", 0, 1.0, new double[0], 1);
    SignedPayload forgery =
        new SignedPayload("honest", inHonestsName.signedBytes(), inHonestsName.signature());
    // Blaming the liar for a forgery someone else made: the signature is not the liar's.
    Vote byOther = Vote.signed(NodeKeys.generate(), "f1", "honest", 0, 1.0, new double[0], 1);
    Evidence misattributed =
        Evidence.sign(
            EvidenceKind.FORGED_MESSAGE,
            "liar",
            "f1",
            List.of(new SignedPayload("honest", byOther.signedBytes(), byOther.signature())),
            "outsider",
            outsiderKeys,
            1);
    assertThatThrownBy(() -> store.submit(misattributed, 1))
        .hasMessageContaining(
            "material[0].signature", "does not verify with the key of the accused liar");
    Evidence genuineVote =
        Evidence.sign(
            EvidenceKind.FORGED_MESSAGE,
            "liar",
            "f1",
            List.of(vote("honest", honestKeys, "f1", 0)),
            "outsider",
            outsiderKeys,
            1);
    assertThatThrownBy(() -> store.submit(genuineVote, 1))
        .hasMessageContaining("verifies with the key of honest, so the message is not forged");
    assertNothingChanged();

    Evidence proven =
        Evidence.sign(
            EvidenceKind.FORGED_MESSAGE,
            "liar",
            "f1",
            List.of(forgery),
            "outsider",
            outsiderKeys,
            1);
    var s = store.submit(proven, 1);
    assertThat(s.counted()).isTrue();
    assertThat(s.accused().score())
        .isEqualTo(1.0 - ReputationRule.DEFAULT.evidenceLoss(), Offset.offset(1e-9));
  }

  @Test
  void disagreeingResult_countsOnlyWhenTheGridRecordedItAgainstAnAgreedResult() {
    byte[] statement = "task-1|chunk-0|sha-of-a-wrong-result".getBytes(StandardCharsets.UTF_8);
    Evidence e =
        Evidence.sign(
            EvidenceKind.DISAGREEING_RESULT,
            "liar",
            "chunk task-1/0",
            List.of(new SignedPayload("liar", statement, liarKeys.sign(statement))),
            "outsider",
            outsiderKeys,
            1);
    // A store with no record of redundant work cannot check it, so it does not count.
    assertThatThrownBy(() -> store.submit(e, 1))
        .hasMessageContaining("material[0].payload", "knows no agreed results");
    AgreedResults disagrees = s -> "chunk task-1/0";
    AgreedResults agrees =
        s -> {
          throw new IllegalArgumentException("agrees with the agreed result of task-1/0");
        };
    assertThatThrownBy(
            () -> new EvidenceStore(client, ReputationRule.DEFAULT, 4096, agrees, 100).submit(e, 1))
        .hasMessageContaining("material[0].payload", "agrees with the agreed result");
    assertNothingChanged();
    var s = new EvidenceStore(client, ReputationRule.DEFAULT, 4096, disagrees, 100).submit(e, 1);
    assertThat(s.counted()).isTrue();
    assertThat(s.accused().score())
        .isEqualTo(1.0 - ReputationRule.DEFAULT.reportedEvidenceLoss(), Offset.offset(1e-9));
  }

  @Test
  void quarantinedReporter_cannotAccuse() {
    store.submit(equivocation("q1"), 1);
    store.submit(equivocation("q2"), 1);
    Evidence revenge =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            "honest",
            "t9",
            List.of(vote("honest", honestKeys, "t9", 0), vote("honest", honestKeys, "t9", 1)),
            "liar",
            liarKeys,
            2);
    assertThatThrownBy(() -> store.submit(revenge, 2))
        .hasMessageContaining("reporterNodeId: 'liar' is quarantined");
    assertThat(new ReputationStore(client).get("honest").score()).isEqualTo(Reputation.NEUTRAL);
  }

  private void assertNothingChanged() {
    assertThat(cluster.member(0).getMap(SwarmMap.EVIDENCE.mapName()).size()).isZero();
    assertThat(new ReputationStore(client).get("liar").score()).isEqualTo(Reputation.NEUTRAL);
  }
}
