package io.swarmgrid.plugin.propagation;

import static io.swarmgrid.plugin.propagation.PropagationTestSupport.awaitEngines;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.register;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.steadyMember;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.PropagationConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.propagation.PropagationTestSupport.Sub;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.PublishOutcome;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StateView;
import io.swarmgrid.storage.propagation.StreamHead;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The batched path: many updates per publish call, many deliveries per inbox message. */
class PropagationBatchTest {
  @TempDir static Path keys;

  static final PropagationConfig CONFIG =
      PropagationConfig.custom().maxPayloadBytes(4096).degradeAfterMillis(20).build();

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .configure((i, c) -> SwarmGrid.enable(c, steadyMember("batch-" + i, keys, CONFIG)));

  private static List<byte[]> qualities(long seq) {
    byte[] full = new byte[800];
    Arrays.fill(full, (byte) seq);
    return List.of(full, Arrays.copyOf(full, 200));
  }

  private static List<Long> appliedSeqs(Sub s) {
    List<Long> seqs = new CopyOnWriteArrayList<>();
    s.subscriber().onApplied(v -> seqs.add(v.seq()));
    return seqs;
  }

  private static void awaitSeq(Sub s, String state, long seq) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> s.subscriber().view(state).map(StateView::seq).orElse(0L) == seq);
  }

  @Test
  void aBatch_isRecordedAndAppliedInOrder_andARefusedUpdateInItStopsNothingElse() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "batch-source", NodeTier.CLOUD, sourceKeys);
    StatePublisher publisher = new StatePublisher(client, "batch-source", sourceKeys);
    try (Sub critical = subscriber(client, "batch-critical", NodeTier.CLOUD)) {
      PropagationCalls.declare(client, "batch.a", critical.id(), InterestLevel.CRITICAL);
      List<Long> applied = appliedSeqs(critical);
      List<StateUpdate> batch = new ArrayList<>();
      for (int i = 1; i <= 30; i++) {
        StateUpdate u = publisher.next("batch.a", i == 1, Priority.NORMAL, qualities(i));
        if (i == 3) {
          // Signed by another key: refused, and the ones after it go on.
          u =
              StateUpdate.signed(
                  NodeKeys.generate(),
                  u.stateId(),
                  u.source(),
                  u.seq(),
                  u.publishedAt(),
                  u.priority(),
                  u.keyframe(),
                  u.keyframeSeq(),
                  u.qualities());
        }
        batch.add(u);
      }

      List<PublishOutcome> outcomes = PropagationCalls.publishAll(client, batch).join();

      assertThat(outcomes).hasSize(30);
      assertThat(outcomes.get(2).accepted()).isFalse();
      assertThat(outcomes.get(2).refusal()).startsWith("signature:");
      assertThat(outcomes.stream().filter(PublishOutcome::accepted)).hasSize(29);
      assertThat(outcomes.get(0).targets()).isEqualTo(1);
      awaitSeq(critical, "batch.a", 30);
      List<Long> expected = LongStream.rangeClosed(1, 30).filter(n -> n != 3).boxed().toList();
      // Critical interest: urgent, never replaced, so every accepted update, in order.
      assertThat(applied).containsExactlyElementsOf(expected);
      // A head sent again (the node seen back after a missed heartbeat) is received and skipped.
      assertThat(critical.subscriber().received()).isGreaterThanOrEqualTo(29);
    }
  }

  @Test
  void aBatchSignedByAnotherKey_isRefusedWhole_andNothingIsRecorded() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "signed-source", NodeTier.CLOUD, sourceKeys);
    StatePublisher publisher = new StatePublisher(client, "signed-source", sourceKeys);
    List<StateUpdate> batch = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      batch.add(publisher.next("signed.c", i == 1, Priority.NORMAL, qualities(i)));
    }
    byte[] forged = NodeKeys.generate().sign(StateUpdate.batchSigningBytes(batch));

    List<PublishOutcome> refused = PropagationCalls.publishAll(client, batch, forged).join();

    assertThat(refused)
        .hasSize(5)
        .allSatisfy(
            o -> assertThat(o.refusal()).startsWith("signature:").contains("signed-source"));
    assertThat(client.getMap(SwarmMap.STREAMS.mapName()).containsKey("signed.c")).isFalse();
    byte[] real = sourceKeys.sign(StateUpdate.batchSigningBytes(batch));
    assertThat(PropagationCalls.publishAll(client, batch, real).join())
        .allSatisfy(o -> assertThat(o.accepted()).isTrue());
  }

  @Test
  void concurrentSends_goTogether_andEverySubscriberAppliesThemInOrder() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "burst-source", NodeTier.CLOUD, sourceKeys);
    StatePublisher publisher = new StatePublisher(client, "burst-source", sourceKeys);
    try (Sub critical = subscriber(client, "burst-critical", NodeTier.CLOUD);
        Sub medium = subscriber(client, "burst-medium", NodeTier.CLOUD)) {
      PropagationCalls.declare(client, "burst.*", critical.id(), InterestLevel.CRITICAL);
      PropagationCalls.declare(client, "burst.b", medium.id(), InterestLevel.MEDIUM);
      List<Long> criticalSeqs = appliedSeqs(critical);
      List<Long> mediumSeqs = appliedSeqs(medium);
      List<CompletableFuture<Integer>> sent = new ArrayList<>();
      for (int i = 1; i <= 300; i++) {
        sent.add(publisher.send("burst.b", i % 100 == 1, Priority.NORMAL, qualities(i)));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

      awaitSeq(critical, "burst.b", 300);
      awaitSeq(medium, "burst.b", 300);
      assertThat(criticalSeqs)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
      // Medium: a newer update may replace a waiting one, but what arrives is in order.
      assertThat(mediumSeqs).isSorted().doesNotHaveDuplicates().endsWith(300L);
      assertThat(medium.subscriber().view("burst.b").orElseThrow().latest().payload())
          .isEqualTo(qualities(300).get(1));
      assertThat(bundlesSent()).isPositive();
      // Only the batch's signature vouched for most deltas; what became the head has its own.
      StreamHead head =
          client.<String, StreamHead>getMap(SwarmMap.STREAMS.mapName()).get("burst.b");
      assertThat(head.keyframe().verify(sourceKeys.publicKey())).isTrue();
      assertThat(head.latest().seq()).isEqualTo(300);
      assertThat(head.latest().verify(sourceKeys.publicKey())).isTrue();
    }
  }

  @Test
  void aCallThatArrivesBeforeTheOneItFollows_waitsForIt_andBothAreRecordedInOrder() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "pipe-source", NodeTier.CLOUD, sourceKeys);
    StatePublisher publisher = new StatePublisher(client, "pipe-source", sourceKeys);
    try (Sub critical = subscriber(client, "pipe-critical", NodeTier.CLOUD)) {
      PropagationCalls.declare(client, "pipe.p", critical.id(), InterestLevel.CRITICAL);
      List<Long> applied = appliedSeqs(critical);
      List<StateUpdate> first = new ArrayList<>();
      List<StateUpdate> second = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        (i <= 5 ? first : second)
            .add(publisher.next("pipe.p", i == 1, Priority.NORMAL, qualities(i)));
      }

      // The second call (after seq 5) is sent first: the owner holds it until the first came.
      CompletableFuture<List<PublishOutcome>> later =
          PropagationCalls.publishAll(
              client, second, sourceKeys.sign(StateUpdate.batchSigningBytes(second)), 5);
      List<PublishOutcome> earlier =
          PropagationCalls.publishAll(
                  client, first, sourceKeys.sign(StateUpdate.batchSigningBytes(first)), 0)
              .join();

      assertThat(earlier).allSatisfy(o -> assertThat(o.accepted()).isTrue());
      assertThat(later.join()).allSatisfy(o -> assertThat(o.accepted()).isTrue());
      // Answered only once the head was written (the write overlaps the fan-out, not the answer).
      assertThat(client.<String, StreamHead>getMap(SwarmMap.STREAMS.mapName()).get("pipe.p").seq())
          .isEqualTo(10);
      awaitSeq(critical, "pipe.p", 10);
      assertThat(applied).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
    }
  }

  @Test
  void anUnsignedDelta_withoutABatchSignature_isRefused() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "bare-source", NodeTier.CLOUD, sourceKeys);
    StatePublisher publisher = new StatePublisher(client, "bare-source", sourceKeys);
    StateUpdate keyframe = publisher.next("bare.d", true, Priority.NORMAL, qualities(1));
    StateUpdate signed = publisher.next("bare.d", false, Priority.NORMAL, qualities(2));
    StateUpdate bare =
        new StateUpdate(
            signed.stateId(),
            signed.source(),
            signed.seq(),
            signed.publishedAt(),
            signed.priority(),
            signed.keyframe(),
            signed.keyframeSeq(),
            signed.qualities(),
            new byte[0]);

    List<PublishOutcome> outcomes =
        PropagationCalls.publishAll(client, List.of(keyframe, bare)).join();

    assertThat(outcomes.get(0).accepted()).isTrue();
    assertThat(outcomes.get(1).refusal()).startsWith("signature:");
    assertThat(client.<String, StreamHead>getMap(SwarmMap.STREAMS.mapName()).get("bare.d").seq())
        .isEqualTo(1);
  }

  private static double bundlesSent() {
    double bundles = 0;
    for (HazelcastInstance m : cluster.members()) {
      FunctionCounter c =
          SwarmServices.find(m, MeterRegistry.class)
              .map(r -> r.find("swarmgrid.propagation.bundles").functionCounter())
              .orElse(null);
      bundles += c == null ? 0 : c.count();
    }
    return bundles;
  }
}
