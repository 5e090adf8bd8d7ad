package io.swarmgrid.plugin.propagation;

import static io.swarmgrid.plugin.propagation.PropagationTestSupport.awaitEngines;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.connect;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.member;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.register;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.propagation.PropagationTestSupport.Sub;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StateView;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Subscribers converge across a member's death and their own absence. */
class PropagationFailoverTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(c, member("member-" + i, keys, PropagationEngineTest.CONFIG)));

  private static List<byte[]> qualities(int seq) {
    byte[] full = new byte[800];
    Arrays.fill(full, (byte) seq);
    return List.of(full, Arrays.copyOf(full, 200));
  }

  private static StateUpdate publish(
      HazelcastInstance hz, StatePublisher p, String state, int from, int count) {
    StateUpdate last = null;
    for (int i = from; i < from + count; i++) {
      last = p.next(state, i % 10 == 1, Priority.NORMAL, qualities(i));
      PropagationCalls.publish(hz, last).join();
    }
    return last;
  }

  private static void awaitSeq(Sub s, String state, long seq) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> s.subscriber().view(state).map(StateView::seq).orElse(0L) == seq);
  }

  @Test
  void subscriberAway_andBack_getsWhatWaitedInItsInbox_andConverges() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys k = NodeKeys.generate();
    register(client, "drone-3", NodeTier.EDGE, k);
    StatePublisher p = new StatePublisher(client, "drone-3", k);
    Sub first = subscriber(client, "ground-1", NodeTier.CLOUD);
    PropagationCalls.declare(client, "drone-3.video", first.id(), InterestLevel.MEDIUM);
    publish(client, p, "drone-3.video", 1, 12);
    awaitSeq(first, "drone-3.video", 12);
    first.close();
    StateUpdate last = publish(client, p, "drone-3.video", 13, 20);
    try (Sub back = connect(client, "ground-1")) {
      List<Long> applied = new ArrayList<>();
      back.subscriber().onApplied(v -> applied.add(v.seq()));
      awaitSeq(back, "drone-3.video", last.seq());
      assertThat(applied).isSorted().doesNotHaveDuplicates();
      StateView v = back.subscriber().view("drone-3.video").orElseThrow();
      assertThat(v.latest().payload()).isEqualTo(last.qualities().get(v.latest().quality()));
    }
  }

  @Test
  void memberKilledMidStream_everySubscriberConverges_nothingOutOfOrder() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys k = NodeKeys.generate();
    register(client, "trainer-9", NodeTier.CLOUD, k);
    StatePublisher p = new StatePublisher(client, "trainer-9", k);
    String state = "weights.m9";
    List<Sub> subs = new ArrayList<>();
    Map<String, List<Long>> applied = new ConcurrentHashMap<>();
    InterestLevel[] levels = {InterestLevel.CRITICAL, InterestLevel.HIGH, InterestLevel.LOW};
    for (int i = 0; i < 6; i++) {
      Sub s = subscriber(client, "sub-" + i, NodeTier.EDGE);
      s.subscriber()
          .onApplied(v -> applied.computeIfAbsent(s.id(), x -> new ArrayList<>()).add(v.seq()));
      PropagationCalls.declare(client, state, s.id(), levels[i % levels.length]);
      subs.add(s);
    }
    try {
      publish(client, p, state, 1, 25);
      Partition partition = cluster.member(0).getPartitionService().getPartition(state);
      HazelcastInstance owner =
          cluster.members().stream()
              .filter(
                  m ->
                      m.getCluster()
                          .getLocalMember()
                          .getUuid()
                          .equals(partition.getOwner().getUuid()))
              .findFirst()
              .orElseThrow();
      owner.getLifecycleService().terminate();
      StateUpdate last = publish(client, p, state, 26, 25);
      for (Sub s : subs) {
        awaitSeq(s, state, last.seq());
        StateView v = s.subscriber().view(state).orElseThrow();
        assertThat(v.latest().payload()).isEqualTo(last.qualities().get(v.latest().quality()));
      }
      applied.forEach((node, seqs) -> assertThat(seqs).as(node).isSorted().doesNotHaveDuplicates());
    } finally {
      subs.forEach(Sub::close);
    }
  }
}
