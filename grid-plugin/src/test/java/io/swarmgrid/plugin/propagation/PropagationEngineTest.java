package io.swarmgrid.plugin.propagation;

import static io.swarmgrid.plugin.propagation.PropagationTestSupport.awaitEngines;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.member;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.register;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.PropagationConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.propagation.PropagationTestSupport.Sub;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.interest.InterestStore;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.PropagationStats;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StateView;
import io.swarmgrid.storage.propagation.StreamHead;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** State streams fanned out by interest on three members. */
class PropagationEngineTest {
  @TempDir static Path keys;

  static final PropagationConfig CONFIG =
      PropagationConfig.custom().maxPayloadBytes(4096).degradeAfterMillis(20).build();

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure((i, c) -> SwarmGrid.enable(c, member("member-" + i, keys, CONFIG)));

  private static List<byte[]> qualities(int seq, int size) {
    byte[] full = new byte[size];
    Arrays.fill(full, (byte) seq);
    byte[] quarter = Arrays.copyOf(full, size / 4);
    return List.of(full, Arrays.copyOf(full, size / 2), quarter);
  }

  /** Publishes {@code count} updates (a keyframe every 10th); returns the last one. */
  private static StateUpdate stream(
      HazelcastInstance hz, StatePublisher p, String state, int from, int count) {
    StateUpdate last = null;
    for (int i = from; i < from + count; i++) {
      last = p.next(state, i % 10 == 1, Priority.NORMAL, qualities(i, 1000));
      PropagationCalls.publish(hz, last).join();
    }
    return last;
  }

  private static void assertConverged(Sub s, StateUpdate last, InterestLevel level) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> s.subscriber().view(last.stateId()).map(StateView::seq).orElse(0L) == last.seq());
    StateView v = s.subscriber().view(last.stateId()).orElseThrow();
    int q = v.latest().quality();
    assertThat(q).isGreaterThanOrEqualTo(level.baseQuality(last.qualities().size()));
    assertThat(v.latest().payload()).isEqualTo(last.qualities().get(q));
  }

  @Test
  void subscribers_getUpdatesByInterest_inOrder_andConverge() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "trainer", NodeTier.CLOUD, sourceKeys);
    StatePublisher publisher = new StatePublisher(client, "trainer", sourceKeys);
    try (Sub critical = subscriber(client, "critical-1", NodeTier.CLOUD);
        Sub low = subscriber(client, "edge-low-1", NodeTier.EDGE)) {
      PropagationCalls.declare(client, "weights.model-a", critical.id(), InterestLevel.CRITICAL);
      PropagationCalls.declare(client, "weights.*", low.id(), InterestLevel.LOW);
      Map<String, List<Long>> applied = new ConcurrentHashMap<>();
      for (Sub s : List.of(critical, low)) {
        s.subscriber()
            .onApplied(v -> applied.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(v.seq()));
      }
      StateUpdate last = stream(client, publisher, "weights.model-a", 1, 40);
      assertConverged(critical, last, InterestLevel.CRITICAL);
      assertConverged(low, last, InterestLevel.LOW);
      assertThat(critical.subscriber().view(last.stateId()).orElseThrow().latest().quality())
          .isZero();
      assertThat(low.subscriber().view(last.stateId()).orElseThrow().latest().quality())
          .isEqualTo(2);
      applied.forEach((node, seqs) -> assertThat(seqs).as(node).isSorted().doesNotHaveDuplicates());

      List<PropagationStats> stats = PropagationCalls.stats(client);
      PropagationCounts stream =
          stats.stream()
              .flatMap(s -> s.streams().stream())
              .filter(c -> c.key().equals("weights.model-a"))
              .reduce(PropagationCounts::plus)
              .orElseThrow();
      assertThat(stream.updates()).isEqualTo(40);
      assertThat(stream.sent()).isPositive();
      assertThat(stream.bytes()).isPositive();
    }
  }

  @Test
  void lateJoiner_startsFromTheLatestKeyframe_andConverges() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "sensor-7", NodeTier.EDGE, sourceKeys);
    StatePublisher publisher = new StatePublisher(client, "sensor-7", sourceKeys);
    stream(client, publisher, "sensor-7.readings", 1, 15);
    try (Sub late = subscriber(client, "late-1", NodeTier.CLOUD)) {
      List<StateView> firsts = new ArrayList<>();
      late.subscriber().onApplied(firsts::add);
      PropagationCalls.declare(client, "sensor-7.readings", late.id(), InterestLevel.HIGH);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  late.subscriber().view("sensor-7.readings").map(StateView::seq).orElse(0L)
                      == 15L);
      assertThat(firsts.get(0).latest().keyframe()).as("first applied is a keyframe").isTrue();
      assertThat(firsts.get(0).latest().seq()).isEqualTo(11);
      StateUpdate last = stream(client, publisher, "sensor-7.readings", 16, 10);
      assertConverged(late, last, InterestLevel.HIGH);
    }
  }

  @Test
  void badInput_isRefused_withTheFieldAndValue_andNothingIsSent() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys ownerKeys = NodeKeys.generate();
    NodeKeys otherKeys = NodeKeys.generate();
    register(client, "owner", NodeTier.CLOUD, ownerKeys);
    register(client, "intruder", NodeTier.CLOUD, otherKeys);
    StatePublisher owner = new StatePublisher(client, "owner", ownerKeys);
    PropagationCalls.publish(client, owner.next("doc.1", true, Priority.NORMAL, qualities(1, 100)))
        .join();

    assertThatThrownBy(() -> InterestLevel.parse("urgentish"))
        .hasMessageContainingAll("level", "urgentish", "critical");
    assertThatThrownBy(() -> PropagationCalls.budget(client, "edge-x", -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("bytesPerSecond", "-5");
    assertThatThrownBy(() -> PropagationCalls.budget(client, "edge-x", 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("bytesPerSecond", "100", "at least");

    StatePublisher intruder = new StatePublisher(client, "intruder", otherKeys);
    StateUpdate foreign = intruder.next("doc.1", true, Priority.NORMAL, qualities(9, 100));
    assertThatThrownBy(() -> PropagationCalls.publish(client, foreign).join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("source", "intruder", "not the authority", "doc.1");

    StateUpdate good = owner.next("doc.1", false, Priority.NORMAL, qualities(2, 100));
    StateUpdate forged =
        new StateUpdate(
            good.stateId(),
            good.source(),
            good.seq(),
            good.publishedAt(),
            good.priority(),
            good.keyframe(),
            good.keyframeSeq(),
            qualities(3, 100),
            good.signature());
    assertThatThrownBy(() -> PropagationCalls.publish(client, forged).join())
        .hasMessageContainingAll("signature", "owner");

    StateUpdate huge = owner.next("doc.1", false, Priority.NORMAL, List.of(new byte[5000]));
    assertThatThrownBy(() -> PropagationCalls.publish(client, huge).join())
        .hasMessageContainingAll("qualities[0]", "5000", "max-payload-bytes=4096");

    StreamHead head = client.<String, StreamHead>getMap(SwarmMap.STREAMS.mapName()).get("doc.1");
    assertThat(head.seq()).as("nothing recorded after the first keyframe").isEqualTo(1);
    assertThat(head.source()).isEqualTo("owner");
  }

  @Test
  void interestOfAGoneNode_lapses() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    register(client, "leaving-1", NodeTier.EDGE, NodeKeys.generate());
    register(client, "staying-1", NodeTier.EDGE, NodeKeys.generate());
    PropagationCalls.declare(client, "map.tiles", "leaving-1", InterestLevel.MEDIUM);
    PropagationCalls.declare(client, "map.tiles", "staying-1", InterestLevel.LOW);
    InterestStore interests = new InterestStore(client);
    assertThat(interests.levels("map.tiles").levels()).containsOnlyKeys("leaving-1", "staying-1");
    new NodeRegistry(client).markGone("leaving-1", System.currentTimeMillis(), 600);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !interests.levels("map.tiles").levels().containsKey("leaving-1"));
    assertThat(InterestLevel.ofWeight(interests.levels("map.tiles").level("staying-1")))
        .isEqualTo(InterestLevel.LOW);
  }

  @Test
  void asyncPublishes_ofOneState_reachTheOwnerInOrder() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys k = NodeKeys.generate();
    register(client, "fast-source", NodeTier.CLOUD, k);
    StatePublisher publisher = new StatePublisher(client, "fast-source", k);
    List<java.util.concurrent.CompletableFuture<Integer>> sent = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      sent.add(publisher.send("fast.state", i % 10 == 1, Priority.NORMAL, qualities(i, 100)));
    }
    sent.forEach(java.util.concurrent.CompletableFuture::join);
    StreamHead head =
        client.<String, StreamHead>getMap(SwarmMap.STREAMS.mapName()).get("fast.state");
    assertThat(head.seq()).isEqualTo(100);
    assertThat(head.keyframe().seq()).isEqualTo(91);
  }
}
