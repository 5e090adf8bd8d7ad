package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.client.swarm.SearchStatus;
import io.swarmgrid.client.swarm.SwarmAgentsClient;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.swarm.SwarmAgentEngine;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.pso.SearchSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client starts a particle-swarm search of a user objective (a {@code SwarmObjectiveType} service
 * on the members) by name, with bounds and a budget, watches it and reads its best.
 */
class ObjectiveSearchClientTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .keep("swarm.nodes", "swarm.particle-swarms")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("o" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
                          .build()));

  @Test
  void searchByName_inItsBounds_spendsItsBudget_andFindsTheOptimum() throws Exception {
    for (int i = 0; i < 2; i++) {
      var m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> SwarmGrid.service(m, SwarmAgentEngine.class).isPresent());
      SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow().tickMillis(20);
    }
    try (SwarmClient client = connect()) {
      SwarmAgentsClient swarm = client.swarm();
      SearchStatus started =
          swarm.startSearch(new SearchSpec("shifted", ShiftedSphere.ID, 0, 8, 3, 10, 600, 7));
      assertThat(started.done()).isFalse();
      assertThat(started.lower()).isEqualTo(0);
      assertThat(started.upper()).isEqualTo(8);

      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> swarm.search("shifted").orElseThrow().done());
      SearchStatus done = swarm.search("shifted").orElseThrow();
      assertThat(done.evaluations()).isGreaterThanOrEqualTo(600);
      assertThat(done.bestPosition()).hasSize(3);
      for (double v : done.bestPosition()) {
        assertThat(v).isBetween(0.0, 8.0);
      }
      assertThat(done.bestValue()).isLessThan(0.5);
      assertThat(new ShiftedSphere().value(done.bestPosition())).isEqualTo(done.bestValue());
      assertThat(swarm.stopSearch("shifted")).isTrue();
      assertThat(swarm.search("shifted")).isEmpty();
      assertThat(swarm.stopSearch("shifted")).isFalse();
    }
  }

  @Test
  void badSearches_areRefused_namingTheFieldAndValue_nothingStored() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(cluster.member(0), SwarmAgentEngine.class).isPresent());
    try (SwarmClient client = connect()) {
      SwarmAgentsClient swarm = client.swarm();
      assertThatThrownBy(() -> swarm.startSearch(new SearchSpec("a", "nope", 0, 1, 2, 2, 10, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("objective: 'nope' is not registered")
          .hasMessageContaining(ShiftedSphere.ID);
      assertThatThrownBy(
              () -> swarm.startSearch(new SearchSpec("b", ShiftedSphere.ID, 5, 1, 2, 2, 10, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bounds: lower 5.0, upper 1.0");
      assertThatThrownBy(
              () -> swarm.startSearch(new SearchSpec("c", ShiftedSphere.ID, 0, 1, 2, 2, 0, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("budget: 0 must be above 0");
      assertThatThrownBy(
              () -> swarm.startSearch(new SearchSpec("d", ShiftedSphere.ID, -20, 1, 2, 2, 10, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bounds: [-20.0, 1.0]");
      assertThat(swarm.search("a")).isEmpty();
      assertThat(swarm.search("d")).isEmpty();
      assertThat(swarm.agents()).isEmpty();
    }
  }

  private static SwarmClient connect() {
    return SwarmClient.connect(
        new SwarmClientConfig(
            cluster.clusterName(),
            cluster.clientConfig().getNetworkConfig().getAddresses(),
            10_000));
  }
}
