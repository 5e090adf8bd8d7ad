package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.client.swarm.AgentSummary;
import io.swarmgrid.client.swarm.SwarmActivity;
import io.swarmgrid.client.swarm.SwarmAgentsClient;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.swarm.SwarmAgentEngine;
import io.swarmgrid.storage.swarm.AgentStatus;
import io.swarmgrid.storage.swarm.PatternEffect;
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.storage.swarm.PatternKind;
import io.swarmgrid.storage.swarm.PatternLog;
import io.swarmgrid.storage.swarm.PatternStability;
import io.swarmgrid.storage.swarm.TrailSpec;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.BuiltInAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SwarmClient.swarm() against two members running the swarm engine. */
class SwarmAgentsClientTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(2)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("w" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
                          .build()));

  @Test
  void agentsAndTrails_throughTheClient() throws Exception {
    for (int i = 0; i < 2; i++) {
      var m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, SwarmAgentEngine.class).isPresent());
    }
    try (SwarmClient client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                10_000))) {
      SwarmAgentsClient swarm = client.swarm();
      for (int i = 0; i < 10; i++) {
        swarm.add(
            AgentSpec.of("c" + i, BuiltInAgents.COUNTER)
                .onData("k" + i)
                .withCapabilities(List.of("count")));
      }
      assertThatThrownBy(() -> swarm.add(AgentSpec.of("x", "unknown").onData("k")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("agent type: 'unknown' is not registered");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> swarm.agents().stream().allMatch(a -> a.steps() >= 2));
      assertThat(swarm.agent("c3@k3").orElseThrow().data()).matches("\\d+");
      assertThat(swarm.pause("c3@k3")).isTrue();
      AgentSummary summary = swarm.summary();
      assertThat(summary.agents()).isEqualTo(10);
      assertThat(summary.byType()).isEqualTo(Map.of(BuiltInAgents.COUNTER, 10));
      assertThat(summary.byStatus()).containsEntry(AgentStatus.PAUSED.name(), 1);
      assertThat(summary.byMember().keySet())
          .isSubsetOf(cluster.clientConfig().getNetworkConfig().getAddresses());
      assertThat(summary.byMember().values().stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(10);
      assertThat(summary.steps()).isGreaterThanOrEqualTo(20);
      assertThat(swarm.remove("c3@k3")).isTrue();
      assertThat(swarm.agents()).hasSize(9);

      swarm.createTrail("food", TrailSpec.perSecond(0.1));
      swarm.deposit("food", Map.of("a", 1.0, "b", 2.0), 0);
      assertThat(swarm.read("food", List.of("a", "b", "c"), 0))
          .isEqualTo(Map.of("a", 1.0, "b", 2.0, "c", 0.0));
      assertThat(swarm.patterns("food")).isEmpty();
      // Stability over the detected patterns, on the swarm's clock: windows of 10 ticks.
      PatternLog log = new PatternLog(cluster.member(0));
      log.record(PatternEvent.of("food", PatternKind.STAGNATION, PatternEffect.HARMFUL, 100, ""));
      log.record(
          PatternEvent.of("food", PatternKind.CONVERGENCE, PatternEffect.BENEFICIAL, 125, ""));

      // 9 counters step every 100 ms tick: a positive rate; no timing figure is asserted.
      SwarmActivity activity = swarm.activity(Duration.ofSeconds(2));
      assertThat(activity.stepsPerSecond()).isPositive();
      assertThat(activity.steadiness()).isBetween(0.0, 1.0);
      assertThat(activity.agents().agents()).isEqualTo(9);
      assertThat(activity.trailKeys()).containsEntry("food", 2);
      assertThat(activity.colonyBest()).isEmpty();
      PatternStability food = activity.patternStability().get("food");
      assertThat(food.windows()).isEqualTo(3);
      assertThat(food.harmfulWindowShare()).isEqualTo(1 / 3.0);
      assertThat(food.beneficialWindowShare()).isEqualTo(1 / 3.0);
      assertThat(food.ticksSinceHarmful()).isEqualTo(25);
      assertThat(activity.harmfulPatterns()).isEqualTo(1);
      assertThat(activity.window()).isEqualTo(Duration.ofSeconds(2));
      assertThatThrownBy(() -> swarm.activity(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("window: PT0S");
    }
  }
}
