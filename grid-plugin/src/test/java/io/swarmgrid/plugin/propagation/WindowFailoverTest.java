package io.swarmgrid.plugin.propagation;

import static io.swarmgrid.plugin.propagation.PropagationTestSupport.awaitEngines;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.criticalSubscribers;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.member;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.ownerOf;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.propagation.PropagationTestSupport.Sub;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Critical subscribers take their updates on ordered channels with several bundles in flight; the
 * state's owner dies while a burst is under way: every subscriber converges, and none applies an
 * update twice or out of order.
 */
class WindowFailoverTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(c, member("member-" + i, keys, PropagationEngineTest.CONFIG)));

  private static List<byte[]> qualities(long seq) {
    byte[] full = new byte[900];
    Arrays.fill(full, (byte) seq);
    return List.of(full, Arrays.copyOf(full, 100));
  }

  @Test
  void ownerKilledWithBundlesInFlight_criticalSubscribersConverge_inOrder_noneTwice() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys k = NodeKeys.generate();
    register(client, "trainer-w", NodeTier.CLOUD, k);
    StatePublisher p = new StatePublisher(client, "trainer-w", k);
    String state = "weights.window";
    Map<String, List<Long>> applied = new ConcurrentHashMap<>();
    List<Sub> subs = criticalSubscribers(client, state, "crit-", 4, applied);
    try {
      PropagationCalls.publish(client, p.next(state, true, Priority.NORMAL, qualities(1))).join();
      HazelcastInstance owner = ownerOf(cluster, state);
      List<CompletableFuture<Integer>> burst = new ArrayList<>();
      for (long n = 2; n <= 400; n++) {
        burst.add(p.send(state, n % 100 == 1, Priority.NORMAL, qualities(n)));
        if (n == 200) {
          // Half the burst is with the owner or on its way to the subscribers.
          for (Sub s : subs) {
            await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> s.subscriber().view(state).map(StateView::seq).orElse(0L) >= 50);
          }
          owner.getLifecycleService().terminate();
        }
      }
      // What the owner took before it died may be refused by the next one: settle, then publish.
      burst.forEach(f -> f.exceptionally(e -> 0).join());
      StateUpdate last = p.next(state, true, Priority.NORMAL, qualities(401));
      PropagationCalls.publish(client, last).join();
      StateUpdate delta = p.next(state, false, Priority.NORMAL, qualities(402));
      PropagationCalls.publish(client, delta).join();

      for (Sub s : subs) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> s.subscriber().view(state).map(StateView::seq).orElse(0L) == delta.seq());
        StateView v = s.subscriber().view(state).orElseThrow();
        assertThat(v.latest().payload()).isEqualTo(delta.qualities().get(0));
      }
      assertThat(applied).hasSize(subs.size());
      applied.forEach(
          (node, seqs) -> {
            assertThat(seqs).as(node).isSorted().doesNotHaveDuplicates();
            // Critical: nothing the channels carried before the kill was skipped.
            assertThat(seqs).as(node).containsAll(range(1, 50));
          });
    } finally {
      subs.forEach(Sub::close);
    }
  }

  private static List<Long> range(long from, long to) {
    List<Long> all = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      all.add(s);
    }
    return all;
  }
}
