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
import io.swarmgrid.storage.learning.LearningJob;
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
    // Kill member 2 while round 2 has some of its 10 updates in, not all.
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () -> {
              LearningJob job = store.job(id).orElseThrow();
              if (job.completedRounds() != 1 || store.report(id, 2).isPresent()) {
                return false;
              }
              int in = store.updates(id, 2, job.attempt()).size();
              return in > 0 && in < 10;
            });
    int killedAttempt = store.job(id).orElseThrow().attempt();
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
    // Round 2 was retried, unless member 2 had trained all its shards before it died (participants
    // it trained are named "f2.pN"; the attempt that was aggregated then holds them).
    RoundReport second = reports.get(1);
    if (second.attempt() == killedAttempt) {
      assertThat(second.accepted()).anyMatch(p -> p.startsWith("f2."));
    } else {
      assertThat(second.attempt()).isGreaterThan(killedAttempt);
    }
    assertThat(reports.get(5).accuracy()).isGreaterThan(0.7);
  }
}
