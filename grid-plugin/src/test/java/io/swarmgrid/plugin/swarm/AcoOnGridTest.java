package io.swarmgrid.plugin.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.swarm.ColonyRecord;
import io.swarmgrid.storage.swarm.PatternEffect;
import io.swarmgrid.storage.swarm.PatternEvent;
import io.swarmgrid.storage.swarm.PatternKind;
import io.swarmgrid.storage.swarm.PatternLog;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.aco.AcoColonies;
import io.swarmgrid.tasks.swarm.tsp.AcoParams;
import io.swarmgrid.tasks.swarm.tsp.TspInstance;
import io.swarmgrid.tasks.swarm.tsp.Tsplib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ant colony on three members: ants are agents, the trail a pheromone map, the best tour shared;
 * a member is killed mid-run and the colony still reaches 1% of berlin52's optimum with a valid
 * tour.
 */
class AcoOnGridTest {
  @TempDir static Path keys;

  static final Path BERLIN = Path.of("../deploy/samples/tsplib/berlin52.tsp");

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("a" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
                          .build()));

  @Test
  void colonyOnTheGrid_reachesOnePercent_andSurvivesAMemberKill() throws Exception {
    for (int i = 0; i < 3; i++) {
      HazelcastInstance m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, SwarmAgentEngine.class).isPresent());
      SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow().tickMillis(25);
    }
    HazelcastInstance client = cluster.newClient();
    String problem = Files.readString(BERLIN);
    TspInstance berlin = Tsplib.readInstance(BERLIN);
    AcoColonies colonies = new AcoColonies(client);
    colonies.start("berlin", problem, AcoParams.defaults(1), 6);
    // Ants of every member take steps.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                new SwarmAgents(client).list().stream().allMatch(a -> a.steps() >= 3)
                    && colonies.get("berlin").orElseThrow().resets() >= 0);

    cluster.member(2).getLifecycleService().terminate();
    long target = (long) Math.floor(7542 * 1.01);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> colonies.get("berlin").orElseThrow().bestLength() <= target);

    ColonyRecord done = colonies.get("berlin").orElseThrow();
    assertThat(berlin.isValid(done.bestTour())).isTrue();
    assertThat(berlin.tourLength(done.bestTour())).isEqualTo(done.bestLength());
    assertThat(new SwarmAgents(client).list()).hasSize(6);
    // With no better tour for 100 iterations the trail is re-initialised, and the pattern logged.
    PatternLog patterns = new PatternLog(client);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> patterns.of("berlin").stream().anyMatch(e -> !e.response().isEmpty()));
    PatternEvent stagnation =
        patterns.of("berlin").stream()
            .filter(e -> !e.response().isEmpty())
            .findFirst()
            .orElseThrow();
    assertThat(stagnation.kind()).isEqualTo(PatternKind.STAGNATION);
    assertThat(stagnation.effect()).isEqualTo(PatternEffect.HARMFUL);
    assertThat(stagnation.evidence()).contains("unchanged_iterations=");
    assertThat(stagnation.response()).startsWith("trail re-initialised");
    assertThat(colonies.get("berlin").orElseThrow().resets()).isGreaterThanOrEqualTo(1);
    // The members' detectors also read their ants' tour lengths each tick.
    assertThat(patterns.of("berlin"))
        .allSatisfy(e -> assertThat(e.swarm()).isEqualTo("berlin"))
        .anySatisfy(e -> assertThat(e.response()).isEmpty());
    // The members' detectors read their ants' tour lengths each tick: a colony stuck at its best
    // is called stagnant by them too.
    assertThat(patterns.of("berlin"))
        .anySatisfy(e -> assertThat(e.kind()).isEqualTo(PatternKind.STAGNATION).isNotNull())
        .allSatisfy(e -> assertThat(e.swarm()).isEqualTo("berlin"));
    colonies.stop("berlin", 6);
    assertThat(colonies.get("berlin")).isEmpty();
    assertThat(new SwarmAgents(client).size()).isZero();
  }
}
