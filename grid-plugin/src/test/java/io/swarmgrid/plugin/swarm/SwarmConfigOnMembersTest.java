package io.swarmgrid.plugin.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.BuiltInAgents;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code swarmgrid.swarm} keys on a real member: the tick period and the bound on agents. */
class SwarmConfigOnMembersTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("c" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
                          .swarm(SwarmConfig.custom().tickMillis(25).maxAgentsPerMember(3).build())
                          .build()));

  @Test
  void tickPeriodAndAgentBound_comeFromTheConfig_andAnAgentOverTheBoundIsRefused() {
    HazelcastInstance m = cluster.member(0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(m, SwarmAgentEngine.class).isPresent());
    SwarmAgentEngine engine = SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow();
    assertThat(engine.tickMillis()).isEqualTo(25);
    assertThat(engine.host().maxAgents()).isEqualTo(3);

    SwarmAgents agents = new SwarmAgents(cluster.newClient());
    for (int i = 0; i < 3; i++) {
      agents.add(AgentSpec.of("a" + i, BuiltInAgents.COUNTER).onData("k" + i));
    }
    assertThatThrownBy(() -> agents.add(AgentSpec.of("a3", BuiltInAgents.COUNTER).onData("k3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agentId: 'a3@k3' not added")
        .hasMessageContaining("swarm.max-agents-per-member (3)");
    assertThat(agents.size()).isEqualTo(3);
    assertThat(agents.get("a3@k3")).isEmpty();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> agents.list().stream().allMatch(a -> a.steps() >= 2));
  }
}
