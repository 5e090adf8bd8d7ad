package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.client.learning.LearningClient;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.ml.learning.AggregationRule;
import io.swarmgrid.ml.learning.FashionMnist;
import io.swarmgrid.ml.learning.PoisonAttack;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.ModelVersion;
import io.swarmgrid.storage.learning.RoundReport;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.learning.TrainingJobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Learning through SwarmClient on three members with consensus: models promoted by consensus
 * decisions, sign flippers filed as evidence round after round until quarantined, rollback.
 */
class LearningClientTest {
  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .cpMembers(3)
          .keep("swarm.nodes", "swarm.learning.data")
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("lm" + i)
                                  .keyFile(keyDir().resolve("{node-id}.key").toString())
                                  .build())
                          .engines(
                              EnginesConfig.of(
                                  Set.of(
                                      EngineKind.CONSENSUS, EngineKind.FAULT, EngineKind.LEARNING)))
                          .build()));

  static Path keyDir;
  static SwarmClient client;

  static Path keyDir() {
    try {
      if (keyDir == null) {
        keyDir = Files.createTempDirectory("swarmgrid-keys");
      }
      return keyDir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void connect() throws Exception {
    client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                30_000));
    FashionMnist.Split data = FashionMnist.load(Path.of("../deploy/samples/fashion-mnist"));
    client.learning().loadData("c-train", data.train(), 10);
    client.learning().loadData("c-test", data.test(), 1);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void krum_withSignFlippers_promotesByConsensus_quarantinesThem_andRollsBack() {
    LearningClient learning = client.learning();
    String id =
        learning.start(
            TrainingJobSpec.builder("c-train", "c-test")
                .rule(AggregationRule.MULTI_KRUM)
                .faulty(3)
                .rounds(7)
                .attack(PoisonAttack.SIGN_FLIP, 3, 4)
                .build());
    LearningJob job = learning.await(id, Duration.ofMinutes(4));
    assertThat(job.state()).as(job.message()).isEqualTo(JobState.DONE);
    List<RoundReport> rounds = learning.progress(id);
    assertThat(rounds).hasSize(7);
    RoundReport last = rounds.get(6);
    // five outlying rounds take a neutral reputation under the 0.3 quarantine threshold
    assertThat(last.rejected()).hasSize(3).allMatch(r -> r.endsWith("participant is quarantined"));
    assertThat(last.accepted()).hasSize(7);
    assertThat(client.fault().quarantined()).hasSizeGreaterThanOrEqualTo(3);
    ModelVersion current = learning.model(id).orElseThrow();
    assertThat(current.proposalId()).startsWith("learning-" + id);
    assertThat(current.accuracy()).isGreaterThan(0.7);
    assertThat(learning.versions(id)).contains(1, current.version());

    LearningJob rolled = learning.rollback(id, 1);
    assertThat(rolled.currentVersion()).isEqualTo(1);
    assertThat(learning.model(id).orElseThrow().version()).isEqualTo(1);
    assertThatThrownBy(() -> learning.rollback(id, 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("version: 99 is not a model version of '" + id + "'");
  }

  @Test
  void start_badInput_isRefusedNamingTheField() {
    LearningClient learning = client.learning();
    assertThatThrownBy(
            () ->
                learning.start(
                    TrainingJobSpec.builder("c-train", "c-test")
                        .rule(AggregationRule.MEDIAN)
                        .faulty(5)
                        .build()))
        .hasMessage("rule MEDIAN cannot tolerate faulty=5 of n=10 updates: it needs n >= 2f + 1");
    assertThatThrownBy(() -> TrainingJobSpec.builder("c-train", "c-test").rounds(0))
        .hasMessage("rounds must be in 1..10000, was 0");
    assertThatThrownBy(() -> TrainingJobSpec.builder("c/train", "c-test"))
        .hasMessageContaining("dataName must be a non-empty name without '/', was 'c/train'");
  }
}
