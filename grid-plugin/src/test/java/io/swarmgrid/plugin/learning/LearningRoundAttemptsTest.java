package io.swarmgrid.plugin.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.config.TrainingConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningJob;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.TrainingShard;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.learning.TrainingJobSpec;
import io.swarmgrid.tasks.learning.TrainingJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The member's {@code swarmgrid.learning.max-round-attempts} bounds a round that cannot train. */
class LearningRoundAttemptsTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(1)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("r" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.LEARNING)))
                          .learning(TrainingConfig.custom().maxRoundAttempts(2).build())
                          .build()));

  @Test
  void roundThatNeverTrains_failsTheJobAfterTheConfiguredAttempts() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SwarmGrid.service(cluster.member(0), LearningEngine.class).isPresent());
    LearningStore store = new LearningStore(cluster.member(0));
    // Shards stored behind TrainingJobs.load's back with different image sizes: every attempt's
    // training fails, so the round is retried until the member's limit.
    store.putShards(
        List.of(
            new TrainingShard("mixed", 0, 2, 2, new byte[8], new byte[] {0, 1}),
            new TrainingShard("mixed", 1, 3, 3, new byte[18], new byte[] {2, 3}),
            new TrainingShard("mixed-test", 0, 2, 2, new byte[8], new byte[] {0, 1})));
    String id =
        TrainingJobs.start(
            cluster.member(0), TrainingJobSpec.builder("mixed", "mixed-test").rounds(1).build());
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> store.job(id).orElseThrow().state() != JobState.RUNNING);
    LearningJob job = store.job(id).orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.message()).startsWith("round failed 2 times: ");
    assertThat(store.reports(id)).isEmpty();
  }
}
