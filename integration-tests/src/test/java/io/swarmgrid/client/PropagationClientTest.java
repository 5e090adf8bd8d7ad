package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.client.propagation.PropagationClient;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.PropagationConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.propagation.PropagationEngine;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.PropagationCalls;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateSubscriber;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StateView;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SwarmClient.propagation() against two members running the propagation engine. */
class PropagationClientTest {
  @TempDir static Path keys;

  static final PropagationConfig CONFIG =
      PropagationConfig.custom().maxPayloadBytes(2048).degradeAfterMillis(10).build();

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("p" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(
                              EnginesConfig.of(
                                  EnumSet.of(EngineKind.MESSAGING, EngineKind.PROPAGATION)))
                          .propagation(CONFIG)
                          .build()));

  private static List<byte[]> weights(int step) {
    byte[] full = new byte[2000];
    Arrays.fill(full, (byte) step);
    return List.of(full, Arrays.copyOf(full, 500));
  }

  @Test
  void criticalGetsEverything_lowUnderBudgetGetsFewerQuantized_bothConverge() {
    for (int i = 0; i < 2; i++) {
      var m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, PropagationEngine.class).isPresent());
    }
    try (SwarmClient client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                10_000))) {
      PropagationClient propagation = client.propagation();
      ClientNode trainer =
          client.joinAsNode("trainer", NodeKeys.generate(), "default", NodeTier.CLOUD, List.of());
      Mailbox critical = client.messenger("critical", "default", NodeTier.CLOUD);
      Mailbox edge = client.messenger("edge", "default", NodeTier.EDGE);
      StateSubscriber criticalView = propagation.subscribe(critical, m -> {});
      StateSubscriber edgeView = propagation.subscribe(edge, m -> {});
      long budget = PropagationConfig.minimumBudget(CONFIG.maxPayloadBytes());
      propagation.declare("model.*", "critical", "critical");
      propagation.declare("model.weights", "edge", "low");
      propagation.budget("edge", budget);
      assertThatThrownBy(() -> propagation.declare("model.weights", "edge", "loud"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContainingAll("level", "loud");

      StatePublisher publisher = propagation.publisher(trainer);
      StateUpdate last = null;
      for (int step = 1; step <= 200; step++) {
        last = publisher.next("model.weights", step % 50 == 1, Priority.NORMAL, weights(step));
        PropagationCalls.publish(client.hazelcast(), last).join();
      }
      StateUpdate fin = last;
      for (StateSubscriber s : List.of(criticalView, edgeView)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> s.view("model.weights").map(StateView::seq).orElse(0L) == fin.seq());
      }
      assertThat(criticalView.view("model.weights").orElseThrow().latest().payload())
          .isEqualTo(fin.qualities().get(0));
      assertThat(edgeView.view("model.weights").orElseThrow().latest().payload())
          .isEqualTo(fin.qualities().get(1));
      assertThat(criticalView.view("model.weights").orElseThrow().applied()).isEqualTo(200);

      PropagationCounts edgeCounts = propagation.nodeStats("edge");
      assertThat(edgeCounts.budgetBytesPerSecond()).isEqualTo(budget);
      assertThat(edgeCounts.sent()).isLessThan(200);
      assertThat(edgeCounts.dropped()).isPositive();
      assertThat(propagation.nodeStats("critical").sent()).isEqualTo(200);
      assertThat(propagation.streamStats("model.weights").updates()).isEqualTo(200);
      assertThat(propagation.head("model.weights").orElseThrow().seq()).isEqualTo(200);
      critical.close();
      edge.close();
    }
  }
}
