package io.swarmgrid.plugin.propagation;

import static io.swarmgrid.plugin.propagation.PropagationTestSupport.awaitEngines;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.criticalSubscribers;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.ownerOf;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.register;
import static io.swarmgrid.plugin.propagation.PropagationTestSupport.steadyMember;
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
import io.swarmgrid.storage.propagation.StateView;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state's owner shuts down gracefully (a rolling restart) while its source publishes urgent
 * updates: every publish is acknowledged (calls the member refused while it handed over are
 * published again on the next owner) and reaches every critical subscriber, once and in order.
 * Unlike a kill, nothing acknowledged may be lost: the member has time to hand over.
 */
class GracefulHandoverTest {
  private static final int IN_FLIGHT = 20;

  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c, steadyMember("member-" + i, keys, PropagationEngineTest.CONFIG)));

  @Test
  void ownerShutsDownMidStream_criticalSubscribersApplyEveryAcknowledgedUpdate_inOrder() {
    awaitEngines(cluster);
    HazelcastInstance client = cluster.newClient();
    NodeKeys k = NodeKeys.generate();
    register(client, "trainer-g", NodeTier.CLOUD, k);
    StatePublisher p = new StatePublisher(client, "trainer-g", k);
    String state = "weights.graceful";
    Map<String, List<Long>> applied = new ConcurrentHashMap<>();
    List<Sub> subs = criticalSubscribers(client, state, "crit-g", 3, applied);
    try {
      PropagationCalls.publish(client, p.next(state, true, Priority.EMERGENCY, qualities(1)))
          .join();
      HazelcastInstance owner = ownerOf(cluster, state);
      Map<Long, CompletableFuture<Integer>> sent = new TreeMap<>();
      CompletableFuture<Void> shutdown = null;
      long n = 2;
      // Publish until the owner has left, and a while after, so that some updates wait in its
      // scheduler when it stops.
      while (shutdown == null || !shutdown.isDone() || n < 600) {
        sent.put(n, p.send(state, n % 100 == 1, Priority.EMERGENCY, qualities(n)));
        CompletableFuture<Integer> earlier = sent.get(n - IN_FLIGHT);
        if (earlier != null) {
          earlier.handle((r, e) -> null).join();
        }
        if (n == 200) {
          shutdown = CompletableFuture.runAsync(() -> owner.getLifecycleService().shutdown());
        }
        n++;
      }
      Map<Long, Throwable> failed = new TreeMap<>();
      sent.forEach(
          (seq, f) -> {
            Throwable e = f.handle((r, x) -> x).join();
            if (e != null) {
              failed.put(seq, e);
            }
          });
      // The member refused calls while it handed over; the source published them again on the
      // next owner, so none failed.
      assertThat(failed).as("publishes that failed").isEmpty();
      List<Long> acknowledged = new ArrayList<>(List.of(1L));
      acknowledged.addAll(sent.keySet());
      long last = n - 1;
      for (Sub s : subs) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> s.subscriber().view(state).map(StateView::seq).orElse(0L) == last);
      }
      assertThat(applied).hasSize(subs.size());
      StringBuilder diag = new StringBuilder();
      for (Sub s : subs) {
        diag.append(
            String.format(
                "%n%s received=%d late=%d gapsGivenUp=%d held=%d heldGivenUp=%d",
                s.id(),
                s.subscriber().received(),
                s.subscriber().lateBundles(),
                s.subscriber().gapsGivenUp(),
                s.subscriber().heldForEarlier(),
                s.subscriber().heldGivenUp()));
      }
      PropagationCalls.stats(client)
          .forEach(
              st ->
                  st.targets().forEach(t -> diag.append(String.format("%n%s %s", st.member(), t))));
      applied.forEach(
          (node, seqs) -> {
            assertThat(seqs).as(node).isSorted().doesNotHaveDuplicates();
            List<Long> missing = new ArrayList<>(acknowledged);
            missing.removeAll(seqs);
            assertThat(missing)
                .as(
                    "%s: acknowledged updates never applied; applied began %s%s",
                    node, seqs.subList(0, Math.min(12, seqs.size())), diag)
                .isEmpty();
          });
    } finally {
      subs.forEach(Sub::close);
    }
  }

  private static List<byte[]> qualities(long seq) {
    byte[] full = new byte[600];
    Arrays.fill(full, (byte) seq);
    return List.of(full, Arrays.copyOf(full, 60));
  }
}
