package io.swarmgrid.plugin.propagation;

import static io.swarmgrid.plugin.propagation.PropagationTestSupport.member;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.register;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.propagation.PropagationTestSupport.Sub;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.interest.InterestLevels;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateView;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * States move between members that all stay up (a member joins): their streams' updates come from
 * the old owner, then from the new one, and a critical subscriber still applies every one in order.
 */
class PropagationRebalanceTest {
  private static final int STATES = 40;
  private static final int DECLARATIONS = 300;

  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(c, member("joiner-" + i, keys, PropagationEngineTest.CONFIG)));

  private static List<byte[]> qualities(int seq) {
    byte[] full = new byte[600];
    Arrays.fill(full, (byte) seq);
    return List.of(full, Arrays.copyOf(full, 150));
  }

  private static boolean safe() {
    return cluster.members().stream().allMatch(m -> m.getPartitionService().isClusterSafe());
  }

  @Test
  void declarationsMadeWhileAMemberJoins_areEveryOneRecorded() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                safe()
                    && cluster.members().stream()
                        .allMatch(m -> SwarmGrid.service(m, PropagationEngine.class).isPresent()));
    HazelcastInstance client = cluster.newClient();
    register(client, "joiner-declarer", NodeTier.CLOUD, NodeKeys.generate());
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < DECLARATIONS; i++) {
      keys.add(i % 10 == 0 ? "declared." + i + ".*" : "declared." + i);
    }
    CompletableFuture<HazelcastInstance> joining =
        CompletableFuture.supplyAsync(cluster::startMember);
    for (String key : keys) {
      PropagationCalls.declare(client, key, "joiner-declarer", InterestLevel.HIGH);
    }
    joining.get(60, TimeUnit.SECONDS);

    IMap<String, InterestLevels> interests = client.getMap(SwarmMap.INTERESTS.mapName());
    for (String key : keys) {
      assertThat(interests.get(key)).as(key).isNotNull();
      assertThat(interests.get(key).level("joiner-declarer"))
          .as(key)
          .isEqualTo(InterestLevel.HIGH.weight());
    }
  }

  @Test
  void aMemberJoiningMidStream_takesStatesOver_andACriticalTargetAppliesEveryUpdateInOrder() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                safe()
                    && cluster.members().stream()
                        .allMatch(m -> SwarmGrid.service(m, PropagationEngine.class).isPresent()));
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "joiner-source", NodeTier.CLOUD, sourceKeys);
    StatePublisher publisher = new StatePublisher(client, "joiner-source", sourceKeys);
    List<String> states = new ArrayList<>();
    for (int s = 0; s < STATES; s++) {
      states.add("moving." + s);
    }
    try (Sub critical = subscriber(client, "joiner-critical", NodeTier.CLOUD)) {
      Map<String, List<Long>> applied = new ConcurrentHashMap<>();
      critical
          .subscriber()
          .onApplied(
              v ->
                  applied
                      .computeIfAbsent(v.stateId(), k -> new CopyOnWriteArrayList<>())
                      .add(v.seq()));
      for (String state : states) {
        PropagationCalls.declare(client, state, critical.id(), InterestLevel.CRITICAL);
      }

      int seq = 0;
      boolean joined = false;
      int roundsSafe = 0;
      // Publishes rounds until a third member has joined and its states have settled.
      while (roundsSafe < 10) {
        seq++;
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (String state : states) {
          sent.add(publisher.send(state, seq % 20 == 1, Priority.NORMAL, qualities(seq)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        if (seq == 5) {
          cluster.startMember();
          joined = true;
        }
        roundsSafe = joined && safe() ? roundsSafe + 1 : 0;
      }

      long last = seq;
      List<Long> every = LongStream.rangeClosed(1, last).boxed().toList();
      for (String state : states) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> critical.subscriber().view(state).map(StateView::seq).orElse(0L) == last);
        assertThat(applied.get(state)).as(state).containsExactlyElementsOf(every);
      }
    }
  }
}
