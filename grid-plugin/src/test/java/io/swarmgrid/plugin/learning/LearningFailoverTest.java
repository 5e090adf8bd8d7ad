package io.swarmgrid.plugin.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.ml.learning.AggregationRule;
import io.swarmgrid.ml.learning.FashionMnist;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.storage.learning.JobState;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.RoundReport;
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

/**
 * A member killed while a round trains: the round is retried with a new attempt on the members
 * left, every round completes once, and no round aggregates a participant twice or misses a shard.
 */
class LearningFailoverTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("f" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.LEARNING)))
                          .build()));

  @Test
  void memberKilledMidRound_roundIsRetried_andNoUpdateCountsTwice() throws Exception {
    for (HazelcastInstance m : cluster.members()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, LearningEngine.class).isPresent());
    }
    FashionMnist.Split data = FashionMnist.load(LearningEngineTest.SAMPLE);
    HazelcastInstance survivor = cluster.member(0);
    TrainingJobs.load(survivor, "ff-train", data.train(), 10);
    TrainingJobs.load(survivor, "ff-test", data.test(), 1);
    String id =
        TrainingJobs.start(
            survivor,
            TrainingJobSpec.builder("ff-train", "ff-test")
                .rule(AggregationRule.TRIMMED_MEAN)
                .faulty(1)
                .rounds(6)
                .epochs(3)
                .build());
    LearningStore store = new LearningStore(survivor);
    // kill a member while round 2 has some updates in but is not aggregated yet
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () ->
                store.report(id, 2).isEmpty()
                    && store.job(id).orElseThrow().completedRounds() == 1
                    && survivor.getMap("swarm.learning.updates").size() > 0);
    cluster.member(2).getLifecycleService().terminate();
    await()
        .atMost(Duration.ofMinutes(4))
        .until(() -> store.job(id).orElseThrow().state() != JobState.RUNNING);
    assertThat(store.job(id).orElseThrow().state()).isEqualTo(JobState.DONE);
    List<RoundReport> reports = store.reports(id);
    assertThat(reports).extracting(RoundReport::round).containsExactly(1, 2, 3, 4, 5, 6);
    for (RoundReport r : reports) {
      assertThat(r.accepted()).doesNotHaveDuplicates();
      // one participant per shard: shard suffixes .p0 .. .p9 each exactly once
      assertThat(r.accepted().stream().map(p -> p.substring(p.lastIndexOf(".p"))).distinct())
          .hasSize(10);
      assertThat(r.accepted()).hasSize(10);
    }
    assertThat(reports.get(1).attempt()).isGreaterThan(2);
    assertThat(reports.get(5).accuracy()).isGreaterThan(0.7);
  }
}
