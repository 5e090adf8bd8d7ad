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
import io.swarmgrid.ml.learning.PoisonAttack;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gaussian noise and "a little is enough" run on the grid: three of ten participants (30%) attack,
 * on three members.
 */
class LearningAttacksTest {
  static final int ROUNDS = 4;
  static final double ROBUST_FLOOR = 0.62;

  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .keep("swarm.nodes", "swarm.learning.data")
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
                          .engines(EnginesConfig.of(EnumSet.of(EngineKind.LEARNING)))
                          .build()));

  @BeforeAll
  static void load() throws Exception {
    for (HazelcastInstance m : cluster.members()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, LearningEngine.class).isPresent());
    }
    FashionMnist.Split data = FashionMnist.load(LearningEngineTest.SAMPLE);
    TrainingJobs.load(cluster.member(0), "at-train", data.train(), 10);
    TrainingJobs.load(cluster.member(0), "at-test", data.test(), 1);
  }

  /** Runs a job with three attackers (30%) and waits until it is done. */
  static List<RoundReport> run(
      AggregationRule rule, int f, PoisonAttack attack, double strength, double outlierFactor) {
    String id =
        TrainingJobs.start(
            cluster.member(0),
            TrainingJobSpec.builder("at-train", "at-test")
                .rule(rule)
                .faulty(f)
                .rounds(ROUNDS)
                .attack(attack, 3, strength)
                .outlierFactor(outlierFactor)
                .build());
    LearningStore store = new LearningStore(cluster.member(0));
    await()
        .atMost(Duration.ofMinutes(5))
        .until(() -> store.job(id).orElseThrow().state() != JobState.RUNNING);
    LearningJob job = store.job(id).orElseThrow();
    assertThat(job.state()).as(job.message()).isEqualTo(JobState.DONE);
    List<RoundReport> reports = store.reports(id);
    assertThat(reports).hasSize(ROUNDS);
    for (RoundReport r : reports) {
      assertThat(r.accepted()).hasSize(10).doesNotHaveDuplicates();
    }
    return reports;
  }

  static double last(List<RoundReport> reports) {
    return reports.get(reports.size() - 1).accuracy();
  }

  static boolean isAttacker(String participant) {
    return participant.endsWith(".p0")
        || participant.endsWith(".p1")
        || participant.endsWith(".p2");
  }

  // Clean mean reached 0.72 after 4 rounds on the subset; median and trimmed mean under these
  // attacks 0.70-0.75 (calibration run). The bound leaves room for a loaded CI machine's seeds.
  @Test
  void gaussianNoise_steersTheMean_butNotTheMedianOrTrimmedMean() {
    List<RoundReport> mean = run(AggregationRule.MEAN, 0, PoisonAttack.GAUSSIAN, 2, 0);
    // three updates of N(0, 4) noise per weight: the mean stayed below 0.27 in every round
    assertThat(mean.stream().mapToDouble(RoundReport::accuracy).max().orElseThrow())
        .isLessThan(0.5);
    assertThat(last(run(AggregationRule.MEDIAN, 3, PoisonAttack.GAUSSIAN, 2, 0)))
        .isGreaterThan(ROBUST_FLOOR);
    assertThat(last(run(AggregationRule.TRIMMED_MEAN, 3, PoisonAttack.GAUSSIAN, 2, 0)))
        .isGreaterThan(ROBUST_FLOOR);
  }

  @Test
  void gaussianNoise_isFiledAsOutlier_onlyForTheNoisyParticipants() {
    List<RoundReport> reports = run(AggregationRule.MULTI_KRUM, 3, PoisonAttack.GAUSSIAN, 2, 2);
    assertThat(last(reports)).isGreaterThan(ROBUST_FLOOR);
    for (RoundReport r : reports) {
      assertThat(r.outliers()).allMatch(LearningAttacksTest::isAttacker);
    }
    assertThat(reports.get(0).outliers()).hasSize(3);
  }

  @Test
  void littleIsEnough_staysInsideTheHonestSpread_andRobustRulesStayAccurate() {
    List<RoundReport> median = run(AggregationRule.MEDIAN, 3, PoisonAttack.LITTLE_IS_ENOUGH, 1, 2);
    assertThat(last(median)).isGreaterThan(ROBUST_FLOOR);
    // by design: no further from the aggregate than honest updates, so never filed as an outlier
    for (RoundReport r : median) {
      assertThat(r.outliers()).noneMatch(LearningAttacksTest::isAttacker);
    }
    assertThat(last(run(AggregationRule.TRIMMED_MEAN, 3, PoisonAttack.LITTLE_IS_ENOUGH, 1, 0)))
        .isGreaterThan(ROBUST_FLOOR);
    assertThat(last(run(AggregationRule.MULTI_KRUM, 3, PoisonAttack.LITTLE_IS_ENOUGH, 1, 0)))
        .isGreaterThan(ROBUST_FLOOR);
  }
}
