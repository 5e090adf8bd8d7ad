package io.swarmgrid.plugin.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swarmgrid.config.BreakerConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.FaultConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.engine.SwarmNode;
import io.swarmgrid.storage.breaker.BreakerState;
import io.swarmgrid.storage.breaker.BreakerStateStore;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.reputation.ReleaseOrder;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.fault.FaultTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The fault engine in three real members, seen from the other members and from a client. */
class FaultToleranceEngineTest {
  @TempDir static Path keys;
  static final NodeKeys OPERATOR = NodeKeys.generate();

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes")
          .allowJavaSerialized(FaultToleranceEngineTest.class) // lambdas to ReputationStore.update
          .configure((i, config) -> SwarmGrid.enable(config, swarmConfig("node-" + i)));

  static SwarmGridConfig swarmConfig(String id) {
    FaultConfig fault =
        FaultConfig.custom()
            .breaker(
                "flaky-service",
                BreakerConfig.custom()
                    .failureRatePercent(50)
                    .slidingWindowCalls(4)
                    .minimumCalls(4)
                    .openWaitMillis(
                        5_000) // long enough that a loaded machine still sees OPEN before HALF_OPEN
                    .halfOpenCalls(1)
                    .retryAttempts(1)
                    .retryWaitMillis(0)
                    .build())
            .operatorPublicKey(Base64.getEncoder().encodeToString(OPERATOR.publicKey()))
            .build();
    return SwarmGridConfig.custom()
        .node(NodeConfig.custom().id(id).keyFile(keys.resolve("{node-id}.key").toString()).build())
        .engines(EnginesConfig.of(EnumSet.of(EngineKind.FAULT)))
        .fault(fault)
        .build();
  }

  private static FaultToleranceEngine engine(int member) {
    HazelcastInstance hz = cluster.member(member);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SwarmGrid.service(hz, FaultToleranceEngine.class).isPresent());
    return SwarmGrid.service(hz, FaultToleranceEngine.class).orElseThrow();
  }

  private static SwarmNode node(int member) {
    engine(member);
    return SwarmGrid.node(cluster.member(member)).orElseThrow();
  }

  private static SignedPayload voteBy(SwarmNode n, String proposal, int choice) {
    Vote v = Vote.signed(n.keys(), proposal, n.nodeId(), choice, 1.0, new double[0], 1);
    return new SignedPayload(n.nodeId(), v.signedBytes(), v.signature());
  }

  private static List<SignedPayload> twoVotes(SwarmNode n, String proposal) {
    return List.of(voteBy(n, proposal, 0), voteBy(n, proposal, 1));
  }

  @Test
  void equivocatingNode_isQuarantined_seenEverywhere_andReleasedByTheOperator() throws Exception {
    SwarmNode liar = node(1);
    FaultToleranceEngine reporter = engine(0);
    for (String proposal : List.of("p1", "p2")) {
      reporter.report(EvidenceKind.EQUIVOCATION, liar.nodeId(), proposal, twoVotes(liar, proposal));
    }
    assertThat(engine(2).isQuarantined(liar.nodeId())).isTrue();
    HazelcastInstance client = cluster.newClient();
    ReputationStore fromClient = new ReputationStore(client);
    assertThat(fromClient.quarantined())
        .extracting(Reputation::nodeId)
        .containsExactly(liar.nodeId());
    assertThat(fromClient.get(liar.nodeId()).voteWeight()).isZero();

    // The quarantined node cannot release itself: the order must carry the operator's signature.
    ReleaseOrder bySelf = ReleaseOrder.sign(fromClient.get(liar.nodeId()), liar.keys());
    assertThatThrownBy(
            () ->
                client
                    .getExecutorService(FaultTasks.EXECUTOR)
                    .submit(FaultTasks.release(bySelf))
                    .get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("does not verify with fault.operator-public-key");
    assertThat(fromClient.get(liar.nodeId()).quarantined()).isTrue();

    boolean released =
        client
            .getExecutorService(FaultTasks.EXECUTOR)
            .submit(FaultTasks.release(ReleaseOrder.sign(fromClient.get(liar.nodeId()), OPERATOR)))
            .get(30, TimeUnit.SECONDS);
    assertThat(released).isTrue();
    assertThat(fromClient.get(liar.nodeId()).quarantined()).isFalse();
    assertThat(engine(0).isQuarantined(liar.nodeId())).isFalse();
    fromClient.update(liar.nodeId(), r -> Reputation.neutral(r.nodeId()));
  }

  @Test
  void evidenceFromAClient_isVerifiedOnAMember_forgeryRejected() throws Exception {
    SwarmNode reporter = node(0);
    SwarmNode liar = node(2);
    HazelcastInstance client = cluster.newClient();
    Evidence good =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            liar.nodeId(),
            "c1",
            twoVotes(liar, "c1"),
            reporter.nodeId(),
            reporter.keys(),
            5);
    boolean counted =
        client
            .getExecutorService(FaultTasks.EXECUTOR)
            .submit(FaultTasks.submitEvidence(good))
            .get(30, TimeUnit.SECONDS);
    assertThat(counted).isTrue();
    assertThat(new ReputationStore(client).get(liar.nodeId()).evidenceCount()).isEqualTo(1);

    // Signed by the liar but claiming the honest reporter: rejected on the member.
    Evidence forged =
        Evidence.sign(
            EvidenceKind.EQUIVOCATION,
            liar.nodeId(),
            "c2",
            twoVotes(liar, "c2"),
            reporter.nodeId(),
            liar.keys(),
            5);
    assertThatThrownBy(
            () ->
                client
                    .getExecutorService(FaultTasks.EXECUTOR)
                    .submit(FaultTasks.submitEvidence(forged))
                    .get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("reporterSignature", "does not verify");
    assertThat(new ReputationStore(client).get(liar.nodeId()).evidenceCount()).isEqualTo(1);
    new ReputationStore(client).update(liar.nodeId(), r -> Reputation.neutral(r.nodeId()));
  }

  @Test
  void breakerTransitions_areVisibleOnEveryMemberAndClient() {
    FaultToleranceEngine engine = engine(0);
    String nodeId = node(0).nodeId();
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(
              () ->
                  engine.call(
                      "flaky-service",
                      () -> {
                        throw new IllegalStateException("service down");
                      }))
          .hasMessageContaining("service down");
    }
    assertThatThrownBy(() -> engine.call("flaky-service", () -> "never runs"))
        .isInstanceOf(CallNotPermittedException.class);

    BreakerStateStore fromMember2 = new BreakerStateStore(cluster.member(2));
    BreakerStateStore fromClient = new BreakerStateStore(cluster.newClient());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> fromMember2.get(nodeId, "flaky-service").map(BreakerState::open).orElse(false));
    assertThat(fromClient.open()).extracting(BreakerState::name).containsExactly("flaky-service");

    // After open-wait-millis the breaker lets a trial call through by itself (half-open) ...
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fromClient
                    .get(nodeId, "flaky-service")
                    .map(BreakerState::state)
                    .orElse("")
                    .equals("HALF_OPEN"));
    // ... and a successful trial closes it.
    assertThat(engine.call("flaky-service", () -> "ok")).isEqualTo("ok");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fromMember2
                    .get(nodeId, "flaky-service")
                    .map(BreakerState::state)
                    .orElse("")
                    .equals("CLOSED"));
    assertThat(fromClient.open()).isEmpty();
  }
}
