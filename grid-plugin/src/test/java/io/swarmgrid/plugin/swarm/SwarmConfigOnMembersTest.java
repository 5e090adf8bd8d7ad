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
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.storage.swarm.PatternKind;
import io.swarmgrid.storage.swarm.PatternLog;
import io.swarmgrid.storage.swarm.PheromoneMap;
import io.swarmgrid.storage.swarm.TrailSpec;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.BuiltInAgents;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.aco.AcoColonies;
import io.swarmgrid.tasks.swarm.tsp.AcoParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swarmgrid.swarm} keys on a real member: the tick period, the bound on agents, the bound on
 * keys per pheromone trail, and the colonies' stagnation and global-best defaults.
 */
class SwarmConfigOnMembersTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          // Members follow colonies with an entry listener, which destroying the map would drop.
          .keep("swarm.nodes", "swarm.colonies")
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
                          .swarm(
                              SwarmConfig.custom()
                                  .tickMillis(25)
                                  .maxAgentsPerMember(3)
                                  .pheromoneMaxKeys(2_000)
                                  .colonyStagnationTicks(4)
                                  .colonyGlobalBestEvery(2)
                                  .build())
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

  @Test
  void aTrailOverTheMembersKeyBound_isRefused_andNothingIsCreated() {
    HazelcastInstance m = cluster.member(0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(m, SwarmAgentEngine.class).isPresent());
    PheromoneMap trails = new PheromoneMap(cluster.newClient());
    assertThatThrownBy(() -> trails.create("wide", TrailSpec.perSecond(0.1).withMaxKeys(2_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxKeys: 2001 of pheromone trail 'wide'")
        .hasMessageContaining("swarmgrid.swarm.pheromone-max-keys (2000)");
    assertThat(trails.snapshot("wide")).isEmpty();
    trails.create("fits", TrailSpec.perSecond(0.1).withMaxKeys(2_000));
    assertThat(trails.snapshot("fits")).isPresent();
  }

  @Test
  void aColonyWithoutItsOwnValues_followsTheMembersStagnationTicks() throws Exception {
    HazelcastInstance m = cluster.member(0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(m, SwarmAgentEngine.class).isPresent());
    HazelcastInstance client = cluster.newClient();
    AcoColonies colonies = new AcoColonies(client);
    // berlin52 has 1,326 edges: its trail fits the member's bound of 2,000 keys.
    String problem = Files.readString(Path.of("../deploy/samples/tsplib/berlin52.tsp"));
    colonies.start("cfg", problem, AcoParams.defaults(1), 2);
    assertThat(colonies.get("cfg").orElseThrow().params().stagnationTicks()).isZero();
    PatternLog patterns = new PatternLog(client);
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> patterns.of("cfg").stream().anyMatch(e -> !e.response().isEmpty()));
    // Reset after the member's 4 ticks without a better tour, not the plain solver's 100.
    PatternEvent reset =
        patterns.of("cfg").stream().filter(e -> !e.response().isEmpty()).findFirst().orElseThrow();
    assertThat(reset.kind()).isEqualTo(PatternKind.STAGNATION);
    long unchanged =
        Long.parseLong(reset.evidence().replaceAll(".*unchanged_iterations=(\\d+).*", "$1"));
    assertThat(unchanged).isBetween(4L, 99L);
    assertThatThrownBy(() -> colonies.start("bad", problem, AcoParams.defaults(1), 2, -1, 0))
        .hasMessageContaining("stagnationTicks/globalBestEvery: -1/0");
    assertThat(colonies.get("bad")).isEmpty();
    colonies.stop("cfg", 2);
  }
}
