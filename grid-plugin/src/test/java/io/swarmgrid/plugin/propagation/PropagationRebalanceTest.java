package io.swarmgrid.plugin.propagation;

import static io.swarmgrid.plugin.propagation.PropagationTestSupport.register;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.steadyMember;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.propagation.PropagationTestSupport.Sub;
import io.swarmgrid.plugin.propagation.internal.Takeovers;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * States move between members: a member joins while nodes declare interest and sources publish, and
 * one that held states dies. Declarations are all recorded, a critical subscriber applies every
 * update in order, and a member sends a moved stream's head again only once its old owner has left.
 */
class PropagationRebalanceTest {
  private static final int STATES = 20;
  private static final int DECLARATIONS = 300;

  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .configure(
              (i, c) -> {
                // Partitions are rebalanced at once after a member leaves (Hazelcast waits 5 s).
                c.setProperty("hazelcast.migration.min.delay.on.member.removed.seconds", "0");
                SwarmGrid.enable(
                    c, steadyMember("joiner-" + i, keys, PropagationEngineTest.CONFIG));
              });

  private static List<byte[]> qualities(long seq) {
    byte[] full = new byte[600];
    Arrays.fill(full, (byte) seq);
    return List.of(full, Arrays.copyOf(full, 150));
  }

  private static boolean safe() {
    return cluster.members().stream()
        .filter(m -> m.getLifecycleService().isRunning())
        .allMatch(m -> m.getPartitionService().isClusterSafe());
  }

  private static void awaitSafeWithEngines() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                safe()
                    && cluster.members().stream()
                        .filter(m -> m.getLifecycleService().isRunning())
                        .allMatch(m -> SwarmGrid.service(m, PropagationEngine.class).isPresent()));
  }

  @Test
  void aMemberJoining_losesNoDeclaration_andNoUpdateOfACriticalTarget() {
    awaitSafeWithEngines();
    HazelcastInstance client = cluster.newClient();
    NodeKeys sourceKeys = NodeKeys.generate();
    register(client, "joiner-source", NodeTier.CLOUD, sourceKeys);
    register(client, "joiner-declarer", NodeTier.CLOUD, NodeKeys.generate());
    StatePublisher publisher = new StatePublisher(client, "joiner-source", sourceKeys);
    List<String> states = IntStream.range(0, STATES).mapToObj(s -> "moving." + s).toList();
    List<String> declared = new ArrayList<>();
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

      CompletableFuture<HazelcastInstance> joining = null;
      int seq = 0;
      int roundsSettled = 0;
      // Rounds of updates and declarations until the member has joined and its states settled.
      while (roundsSettled < 3) {
        seq++;
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (String state : states) {
          sent.add(publisher.send(state, seq % 20 == 1, Priority.NORMAL, qualities(seq)));
        }
        for (int i = 0; i < 30 && declared.size() < DECLARATIONS; i++) {
          int n = declared.size();
          String key = n % 10 == 0 ? "declared." + n + ".*" : "declared." + n;
          PropagationCalls.declare(client, key, "joiner-declarer", InterestLevel.HIGH);
          declared.add(key);
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        if (seq == 2) {
          joining = CompletableFuture.supplyAsync(cluster::startMember);
        }
        boolean settled = joining != null && joining.isDone() && safe();
        roundsSettled = settled && declared.size() == DECLARATIONS ? roundsSettled + 1 : 0;
      }

      IMap<String, InterestLevels> interests = client.getMap(SwarmMap.INTERESTS.mapName());
      for (String key : declared) {
        assertThat(interests.get(key)).as(key).isNotNull();
        assertThat(interests.get(key).level("joiner-declarer"))
            .as(key)
            .isEqualTo(InterestLevel.HIGH.weight());
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

  @Test
  void streamsMovedFromAMemberThatStays_areSentAgainOnlyOnceThatMemberLeaves() {
    awaitSafeWithEngines();
    HazelcastInstance first = cluster.member(0);
    IMap<String, String> heads = first.getMap("rebalance.heads");
    for (int i = 0; i < 400; i++) {
      heads.put("state-" + i, "head");
    }
    Map<String, UUID> before = owners(first, heads.keySet());

    HazelcastInstance joiner = cluster.startMember();
    IMap<String, String> joinerHeads = joiner.getMap("rebalance.heads");
    List<Set<String>> reads = new ArrayList<>();
    Takeovers takeovers =
        new Takeovers(
            joiner,
            () -> {
              Set<String> owned = Set.copyOf(joinerHeads.localKeySet());
              reads.add(owned);
              return owned;
            });
    // What the joiner held when its takeovers began (some partitions may have moved already).
    Set<String> ownedAtStart = reads.get(0);
    awaitSafeWithEngines();

    Takeovers.Sweep joined = takeovers.sweep();

    Set<String> moved = new HashSet<>(joined.owned());
    moved.removeAll(ownedAtStart);
    assertThat(moved).as("streams moved to the joiner").isNotEmpty();
    assertThat(joined.resend()).as("every old owner is still up").isEmpty();
    // A stream started on the joiner itself is its own, never one taken over.
    UUID self = joiner.getCluster().getLocalMember().getUuid();
    String own =
        IntStream.range(0, 10_000)
            .mapToObj(i -> "own-" + i)
            .filter(
                k -> joiner.getPartitionService().getPartition(k).getOwner().getUuid().equals(self))
            .findFirst()
            .orElseThrow();
    joinerHeads.put(own, "head");
    Takeovers.Sweep started = takeovers.sweep();
    assertThat(started.owned()).contains(own);
    assertThat(started.resend()).isEmpty();

    Map<String, UUID> afterJoin = owners(first, heads.keySet());
    UUID leaving = first.getCluster().getLocalMember().getUuid();
    first.getLifecycleService().terminate();
    // It is gone, and its partitions promoted on their backups: each has an owner that is up.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                joiner.getCluster().getMembers().stream()
                        .noneMatch(m -> m.getUuid().equals(leaving))
                    && joiner.getPartitionService().getPartitions().stream()
                        .allMatch(
                            p ->
                                p.getOwner() != null
                                    && joiner.getCluster().getMembers().contains(p.getOwner())));

    Takeovers.Sweep afterLoss = takeovers.sweep();

    Set<String> expected = new HashSet<>();
    for (String k : afterLoss.owned()) {
      if (ownedAtStart.contains(k) || k.equals(own)) {
        continue;
      }
      UUID previous = joined.owned().contains(k) ? before.get(k) : afterJoin.get(k);
      if (leaving.equals(previous)) {
        expected.add(k);
      }
    }
    assertThat(expected).as("streams whose last owner before the joiner left").isNotEmpty();
    assertThat(afterLoss.resend()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(takeovers.sweep().resend()).as("sent again once").isEmpty();
  }

  private static Map<String, UUID> owners(HazelcastInstance hz, Set<String> keys) {
    Map<String, UUID> owners = new HashMap<>();
    for (String k : keys) {
      owners.put(k, hz.getPartitionService().getPartition(k).getOwner().getUuid());
    }
    return owners;
  }
}
