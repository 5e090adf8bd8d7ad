package io.swarmgrid.plugin.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.ml.learning.LabelledImages;
import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.ml.learning.SoftmaxRegression;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.TrainingShard;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.pso.HyperParameters;
import io.swarmgrid.tasks.swarm.pso.Objectives;
import io.swarmgrid.tasks.swarm.pso.ParticleAgent;
import io.swarmgrid.tasks.swarm.pso.ParticleState;
import io.swarmgrid.tasks.swarm.pso.ParticleSwarms;
import io.swarmgrid.tasks.swarm.pso.SearchSpec;
import io.swarmgrid.tasks.swarm.pso.ShardedModelObjective;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hyper-parameter search evaluated next to its data on three members: the Fashion-MNIST images
 * are the learning engine's shards, each batch of points is scored by the members owning the
 * shards, and the swarm's best is the accuracy recomputed here shard by shard.
 */
class ShardedModelSearchTest {
  private static final String DATA = "fmnist-shards";
  private static final String OBJECTIVE = "fmnist-sharded";
  private static final double HELD_OUT = 0.25;

  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes", "swarm.particle-swarms", "swarm.learning.data")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("s" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.SWARM)))
                          .build()));

  @Test
  void search_evaluatesOnTheShardsOwners_andItsBestIsTheShardByShardAccuracy() throws Exception {
    HazelcastInstance client = cluster.newClient();
    ShardedModelObjective.loadFashionMnist(
        client, DATA, Path.of("../deploy/samples/fashion-mnist"), 1_200, 6);
    for (int i = 0; i < 3; i++) {
      HazelcastInstance m = cluster.member(i);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> SwarmGrid.service(m, SwarmAgentEngine.class).isPresent());
      SwarmAgentEngine engine = SwarmGrid.service(m, SwarmAgentEngine.class).orElseThrow();
      engine.registerObjective(new ShardedModelObjective(m, OBJECTIVE, DATA, HELD_OUT));
      engine.tickMillis(20);
    }
    ParticleSwarms swarms = new ParticleSwarms(client);
    swarms.search(new SearchSpec("shards", OBJECTIVE, 0, 1, HyperParameters.DIMENSION, 6, 24, 11));

    await()
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> swarms.get("shards").orElseThrow().exhausted());
    ParticleSwarmRecord r = swarms.get("shards").orElseThrow();
    // The scores came back to the particles: every one moved on from where it started.
    List<ParticleState> particles =
        new SwarmAgents(client)
            .list().stream()
                .filter(a -> a.type().equals(ParticleAgent.TYPE))
                .map(a -> ParticleState.parse(a.data()))
                .filter(p -> p.swarmId().equals("shards"))
                .toList();
    assertThat(particles).hasSize(6);
    assertThat(particles).allSatisfy(p -> assertThat(p.steps()).isPositive());
    assertThat(particles.stream().mapToLong(ParticleState::steps).sum()).isGreaterThanOrEqualTo(12);
    double accuracy = shardByShard(client, DATA, r.bestPosition(), 1);
    assertThat(1 - r.bestValue()).as("recomputed shard by shard").isEqualTo(accuracy);
    assertThat(accuracy).isGreaterThan(0.5);
    // From the client, the same objective sends the point to the shards and gets the same value.
    assertThat(new ShardedModelObjective(client, OBJECTIVE, DATA, HELD_OUT).value(r.bestPosition()))
        .isEqualTo(r.bestValue());
    System.out.printf(
        "sharded model search: accuracy %.4f with %s after %d evaluations%n",
        accuracy, HyperParameters.at(r.bestPosition()), r.evaluations());

    // Every member owning a shard scored points on it: the evaluation went to the data.
    Set<Member> owners = new HashSet<>();
    for (int s = 0; s < 6; s++) {
      owners.add(client.getPartitionService().getPartition(TrainingShard.key(DATA, s)).getOwner());
    }
    for (int i = 0; i < 3; i++) {
      HazelcastInstance m = cluster.member(i);
      long ran =
          m.getExecutorService(ShardedModelObjective.EXECUTOR)
              .getLocalExecutorStats()
              .getCompletedTaskCount();
      if (owners.contains(m.getCluster().getLocalMember())) {
        assertThat(ran).as("shard evaluations on member " + i).isPositive();
      } else {
        assertThat(ran).as("shard evaluations on member " + i + " (owns none)").isZero();
      }
    }
    swarms.stop("shards");
  }

  @Test
  void searchOfAnUnknownObjective_orOutsideItsDomain_isRefused_nothingStored() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(cluster.member(0), SwarmAgentEngine.class).isPresent());
    HazelcastInstance client = cluster.newClient();
    ParticleSwarms swarms = new ParticleSwarms(client);
    assertThatThrownBy(() -> swarms.search(new SearchSpec("u", "nope", 0, 1, 2, 2, 10, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("objective: 'nope' is not registered");
    assertThatThrownBy(() -> swarms.search(new SearchSpec("d", "sphere", -9, 1, 2, 2, 10, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bounds: [-9.0, 1.0]");
    assertThat(swarms.get("u")).isEmpty();
    assertThat(swarms.get("d")).isEmpty();
  }

  @Test
  void repeatedEvaluations_averageTheSameSeedsForEveryPoint_andBadRepeatsAreRefused()
      throws Exception {
    HazelcastInstance client = cluster.newClient();
    String data = "fmnist-repeats";
    ShardedModelObjective.loadFashionMnist(
        client, data, Path.of("../deploy/samples/fashion-mnist"), 600, 6);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> SwarmGrid.service(cluster.member(0), SwarmAgentEngine.class).isPresent());
    ShardedModelObjective twice = new ShardedModelObjective(client, "twice", data, HELD_OUT, 2);
    for (double[] x : List.of(new double[] {0.7, 0.1, 0.9}, new double[] {0.3, 0.6, 0.2})) {
      double expected = shardByShard(client, data, x, 2);
      assertThat(twice.accuracy(x)).as("mean over seeds 1 and 2 at %s", x).isEqualTo(expected);
    }
    assertThatThrownBy(() -> new ShardedModelObjective(client, "none", data, HELD_OUT, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeats: 0 must be in 1..16");
    ParticleSwarms swarms = new ParticleSwarms(client);
    String zero = Objectives.model(data, 0);
    assertThatThrownBy(() -> swarms.search(new SearchSpec("r0", zero, 0, 1, 3, 2, 10, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeats: 0 must be in 1..16");
    String word = Objectives.MODEL_PREFIX + data + "#x";
    assertThatThrownBy(() -> swarms.search(new SearchSpec("rx", word, 0, 1, 3, 2, 10, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + word + "': the repeats after '#' are not a number");
    assertThat(swarms.get("r0")).isEmpty();
    assertThat(swarms.get("rx")).isEmpty();

    // A search by name on the averaged objective: its best is the value recomputed with 2 seeds.
    swarms.search(new SearchSpec("r2", Objectives.model(data, 2), 0, 1, 3, 2, 4, 1));
    await()
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> swarms.get("r2").orElseThrow().exhausted());
    ParticleSwarmRecord r = swarms.get("r2").orElseThrow();
    assertThat(1 - r.bestValue()).isEqualTo(shardByShard(client, data, r.bestPosition(), 2));
    swarms.stop("r2");
  }

  // The objective's definition, computed here on each shard read from the grid: one training per
  // shuffle seed 1..repeats, the held-out counts added up.
  private static double shardByShard(
      HazelcastInstance client, String data, double[] x, int repeats) {
    long right = 0;
    long scored = 0;
    List<TrainingShard> shards = new LearningStore(client).shards(data);
    assertThat(shards).hasSize(6);
    for (TrainingShard s : shards) {
      LabelledImages all =
          new LabelledImages(s.count(), s.rows(), s.cols(), s.pixels(), s.labels());
      int held = (int) Math.round(all.count() * HELD_OUT);
      LabelledImages train = all.slice(0, all.count() - held);
      LabelledImages validation = all.slice(all.count() - held, all.count());
      SoftmaxRegression model = new SoftmaxRegression(new ModelShape(all.features(), 10));
      for (int seed = 1; seed <= repeats; seed++) {
        double[] w =
            model.train(model.initial(), train, HyperParameters.at(x).sgd().withSeed(seed));
        for (int i = 0; i < validation.count(); i++) {
          if (model.predict(w, validation, i) == validation.label(i)) {
            right++;
          }
        }
        scored += validation.count();
      }
    }
    return 1 - (1 - (double) right / scored);
  }
}
