package io.swarmgrid.plugin.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.pso.ParticleSwarms;
import io.swarmgrid.tasks.swarm.pso.RandomSearch;
import io.swarmgrid.tasks.swarm.pso.TestFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A particle swarm on three members (particles are agents, the global best a grid entry), seeded:
 * it beats random search at its budget, and the swarm adopts its best through one committed
 * consensus decision that every member voted in.
 */
class ParticleSwarmOnGridTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .cpMembers(3)
          // Members follow swarms with an entry listener, which destroying the map between tests
          // would drop.
          .keep("swarm.nodes", "swarm.particle-swarms")
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
                              EnginesConfig.of(EnumSet.of(EngineKind.SWARM, EngineKind.CONSENSUS)))
                          .build()));

  private static void ready() {
    for (int i = 0; i < 3; i++) {
      HazelcastInstance m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  SwarmGrid.service(m, SwarmAgentEngine.class).isPresent()
                      && SwarmGrid.service(m, ConsensusEngine.class)
                          .map(ConsensusEngine::ready)
                          .orElse(false));
      SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow().tickMillis(20);
    }
  }

  @Test
  void swarmOnTheGrid_beatsRandomSearch_andAdoptsItsBestByOneCommittedDecision() throws Exception {
    ready();
    HazelcastInstance client = cluster.newClient();
    ParticleSwarms swarms = new ParticleSwarms(client);
    long budget = 1_200;
    swarms.start("sphere", TestFunction.SPHERE, 5, 12, budget, 7);

    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> swarms.get("sphere").orElseThrow().adopted());
    ParticleSwarmRecord r = swarms.get("sphere").orElseThrow();

    assertThat(r.bestValue()).isEqualTo(TestFunction.SPHERE.value(r.bestPosition()));
    double random = RandomSearch.minimise(TestFunction.SPHERE, 5, budget, 7).value();
    assertThat(r.bestValue()).as("grid swarm vs random search %s", random).isLessThan(random);
    assertThat(r.bestValue()).isLessThan(0.1);
    assertThat(r.evaluations()).isGreaterThanOrEqualTo(12);

    ConsensusEngine consensus = SwarmGrid.service(cluster.member(1), ConsensusEngine.class).get();
    Decision d = consensus.awaitDecision(r.proposalId()).get(30, TimeUnit.SECONDS);
    assertThat(d.end()).isEqualTo(DecisionEnd.QUORUM);
    assertThat(d.outcomeLabel()).isEqualTo("adopt");
    assertThat(d.type()).isEqualTo(DecisionType.SWARM_ACTION);
    assertThat(d.voters()).containsExactlyInAnyOrder("p0", "p1", "p2");
    List<Decision> adoptions =
        consensus.decisions().history(DecisionType.SWARM_ACTION, 100).stream()
            .filter(x -> x.proposalId().startsWith("adopt:sphere:"))
            .filter(x -> "adopt".equals(x.outcomeLabel()))
            .toList();
    assertThat(adoptions).as("adopted once").hasSize(1);

    // Adopted: the particles stop spending evaluations.
    long spent = r.evaluations();
    long ticks = minTicks();
    await().atMost(Duration.ofSeconds(60)).until(() -> minTicks() >= ticks + 10);
    assertThat(swarms.get("sphere").orElseThrow().evaluations()).isEqualTo(spent);
    swarms.stop("sphere");
    assertThat(swarms.get("sphere")).isEmpty();
    assertThat(new SwarmAgents(client).list()).isEmpty();
  }

  @Test
  void badInput_isNamed_andNothingIsStored() {
    ready();
    ParticleSwarms swarms = new ParticleSwarms(cluster.newClient());
    assertThatThrownBy(() -> swarms.start("bad", TestFunction.SPHERE, 0, 4, 100, 1))
        .hasMessageContaining("dimension: 0");
    assertThatThrownBy(() -> swarms.start("bad", TestFunction.SPHERE, 2, 4, 3, 1))
        .hasMessageContaining("budget: 3");
    assertThat(swarms.get("bad")).isEmpty();
    swarms.start("twice", TestFunction.ACKLEY, 2, 2, 10, 1);
    assertThatThrownBy(() -> swarms.start("twice", TestFunction.ACKLEY, 2, 2, 10, 1))
        .hasMessageContaining("swarmId: 'twice' exists");
    swarms.stop("twice");
  }

  // Ticks stepped by the member that stepped fewest.
  private static long minTicks() {
    return cluster.members().stream()
        .filter(m -> m.getLifecycleService().isRunning())
        .mapToLong(m -> SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow().stats().ticks())
        .min()
        .orElse(0);
  }
}
