package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which streams a member sends again after their partitions moved to it. */
class TakeoversTest {
  private static final String STREAMS = "takeovers.streams";

  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  private static boolean safe() {
    return cluster.members().stream()
        .filter(m -> m.getLifecycleService().isRunning())
        .allMatch(m -> m.getPartitionService().isClusterSafe());
  }

  private static IMap<String, String> streams(HazelcastInstance hz) {
    return hz.getMap(STREAMS);
  }

  private static Map<String, UUID> owners(HazelcastInstance hz, Set<String> keys) {
    Map<String, UUID> owners = new HashMap<>();
    for (String k : keys) {
      owners.put(k, hz.getPartitionService().getPartition(k).getOwner().getUuid());
    }
    return owners;
  }

  @Test
  void streamsMovedFromAMemberThatStays_areNotSentAgain_untilThatMemberLeaves() {
    await().atMost(Duration.ofSeconds(60)).until(TakeoversTest::safe);
    HazelcastInstance first = cluster.member(0);
    for (int i = 0; i < 400; i++) {
      streams(first).put("state-" + i, "head");
    }
    Map<String, UUID> before = owners(first, streams(first).keySet());

    HazelcastInstance joiner = cluster.startMember();
    List<Set<String>> reads = new ArrayList<>();
    Takeovers takeovers =
        new Takeovers(
            joiner,
            () -> {
              Set<String> owned = Set.copyOf(streams(joiner).localKeySet());
              reads.add(owned);
              return owned;
            });
    // What the joiner held when its takeovers began (some partitions may have moved already).
    Set<String> ownedAtStart = reads.get(0);
    await().atMost(Duration.ofSeconds(60)).until(TakeoversTest::safe);
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
    streams(joiner).put(own, "head");
    Takeovers.Sweep started = takeovers.sweep();
    assertThat(started.owned()).contains(own);
    assertThat(started.resend()).isEmpty();

    Map<String, UUID> afterJoin = owners(first, streams(first).keySet());
    UUID leaving = first.getCluster().getLocalMember().getUuid();
    first.getLifecycleService().terminate();
    await().atMost(Duration.ofSeconds(60)).until(TakeoversTest::safe);

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
}
