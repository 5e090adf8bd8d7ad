package io.swarmgrid.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadPredictorTest {

  /** A synthetic fleet: nodes with fixed cores and reputation, whose load changes all the time. */
  static final class Fleet {
    private static final int[] CORES = {2, 4, 8, 16};
    private final Random random;
    private final int[] cores;
    private final double[] reputation;

    Fleet(long seed, int nodes) {
      random = new Random(seed);
      cores = new int[nodes];
      reputation = new double[nodes];
      for (int n = 0; n < nodes; n++) {
        cores[n] = CORES[random.nextInt(CORES.length)];
        reputation[n] = 0.5 + 0.5 * random.nextDouble();
      }
    }

    /** A task (its demands) placed on a random node in a random load state. */
    LoadFeatures randomPlacement(double estimateMs, double cpu, double memory, int priority) {
      int n = random.nextInt(cores.length);
      return new LoadFeatures(
          cores[n],
          0.05 + 0.85 * random.nextDouble(),
          random.nextInt(3 * cores[n] + 1),
          reputation[n],
          estimateMs,
          cpu,
          memory,
          priority);
    }

    LoadFeatures randomPlacement() {
      return randomPlacement(
          Math.exp(Math.log(200) + 0.7 * random.nextGaussian()),
          0.5 + 3.5 * random.nextDouble(),
          0.01 + 0.29 * random.nextDouble(),
          random.nextInt(4));
    }

    /** The hidden rule: expected duration without noise, in ms. */
    static double expectedMillis(LoadFeatures f) {
      double overcommit = Math.max(1.0, (f.activeTasks() + f.cpuRequirement()) / f.cpuCores());
      double swap =
          f.memoryRequirement() > f.freeMemoryFraction()
              ? 1 + 3 * (f.memoryRequirement() - f.freeMemoryFraction()) / f.memoryRequirement()
              : 1.0;
      double flaky = 1.6 - 0.6 * f.reputation();
      double boost = 1 - 0.05 * f.priority();
      return f.estimatedDurationMs() * overcommit * swap * flaky * boost;
    }

    double noise() {
      return Math.exp(0.2 * random.nextGaussian());
    }

    LoadSample observe(LoadFeatures f) {
      return new LoadSample(f, expectedMillis(f) * noise());
    }
  }

  private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
  private static LoadPredictor predictor;
  private static Fleet fleet;
  private static int retrains;

  @BeforeAll
  static void learnFromTheFleet() {
    fleet = new Fleet(99L, 40);
    predictor =
        LoadPredictor.builder()
            .windowCapacity(3_000)
            .retrainEvery(1_000)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    for (int i = 0; i < 4_000; i++) {
      if (predictor.onlineUpdate(fleet.observe(fleet.randomPlacement()))) {
        retrains++;
      }
    }
  }

  @Test
  void predictMillis_syntheticFleet_beatsPredictingTheMean() {
    List<LoadSample> fresh = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      fresh.add(fleet.observe(fleet.randomPlacement()));
    }
    // the mean a constant predictor would use: the same window the model learned from
    double mean =
        fresh.subList(0, 1_000).stream()
            .mapToDouble(LoadSample::observedMillis)
            .average()
            .orElseThrow();
    List<LoadSample> test = fresh.subList(1_000, 2_000);
    double modelError =
        test.stream()
            .mapToDouble(s -> Math.abs(predictor.predictMillis(s.features()) - s.observedMillis()))
            .average()
            .orElseThrow();
    double meanError =
        test.stream().mapToDouble(s -> Math.abs(mean - s.observedMillis())).average().orElseThrow();
    LoadMetrics m = predictor.metrics().orElseThrow();
    System.out.printf(
        "LOAD fresh MAE model=%.1f ms, predict-the-mean=%.1f ms (ratio %.2f) | "
            + "held-out at last retrain: MAE=%.1f ms baseline=%.1f ms train=%d held_out=%d | "
            + "retrains=%d window=%d/%d%n",
        modelError,
        meanError,
        modelError / meanError,
        m.meanAbsoluteErrorMs(),
        m.baselineMeanAbsoluteErrorMs(),
        m.trainingSamples(),
        m.heldOutSamples(),
        retrains,
        predictor.windowSize(),
        predictor.windowCapacity());

    assertThat(modelError).isLessThan(0.5 * meanError);
    assertThat(m.meanAbsoluteErrorMs()).isLessThan(0.5 * m.baselineMeanAbsoluteErrorMs());
    assertThat(m.trainedAt()).isEqualTo(NOW);
  }

  @Test
  void argminPredictedNode_beatsRandomChoice_onRealizedDuration() {
    Random choice = new Random(17);
    int tasks = 1_000;
    int candidates = 5;
    double argminTotal = 0;
    double randomTotal = 0;
    double oracleTotal = 0;
    for (int t = 0; t < tasks; t++) {
      LoadFeatures task = fleet.randomPlacement();
      LoadFeatures[] options = new LoadFeatures[candidates];
      double[] realized = new double[candidates]; // the same noise draw for every strategy
      for (int c = 0; c < candidates; c++) {
        options[c] =
            fleet.randomPlacement(
                task.estimatedDurationMs(),
                task.cpuRequirement(),
                task.memoryRequirement(),
                task.priority());
        realized[c] = Fleet.expectedMillis(options[c]) * fleet.noise();
      }
      int best = 0;
      int oracle = 0;
      for (int c = 1; c < candidates; c++) {
        if (predictor.predictMillis(options[c]) < predictor.predictMillis(options[best])) {
          best = c;
        }
        if (Fleet.expectedMillis(options[c]) < Fleet.expectedMillis(options[oracle])) {
          oracle = c;
        }
      }
      argminTotal += realized[best];
      randomTotal += realized[choice.nextInt(candidates)];
      oracleTotal += realized[oracle];
    }
    System.out.printf(
        "LOAD placement of %d tasks among %d candidates: mean realized ms "
            + "argmin-predicted=%.1f random=%.1f oracle(hidden rule)=%.1f%n",
        tasks, candidates, argminTotal / tasks, randomTotal / tasks, oracleTotal / tasks);

    assertThat(argminTotal).isLessThan(0.75 * randomTotal);
  }

  @Test
  void onlineUpdate_keepsWindowBoundedAndRetrainsOnSchedule() {
    // 1st retrain at 50 samples, then after every 1,000 new ones: at 1,050, 2,050, 3,050
    assertThat(retrains).isEqualTo(4);
    assertThat(predictor.windowSize()).isEqualTo(3_000);
    LoadMetrics m = predictor.metrics().orElseThrow();
    assertThat(m.trainingSamples() + m.heldOutSamples()).isEqualTo(3_000);
    assertThat(m.heldOutSamples()).isEqualTo(600);
  }

  @Test
  void predictMillis_beforeTraining_returnsTheTasksOwnEstimate() {
    LoadPredictor fresh = LoadPredictor.builder().minSamples(10).build();
    LoadFeatures f = new LoadFeatures(4, 0.5, 2, 0.9, 123.0, 1, 0.1, 0);

    assertThat(fresh.isTrained()).isFalse();
    assertThat(fresh.metrics()).isEmpty();
    assertThat(fresh.predictMillis(f)).isEqualTo(123.0);
    assertThat(fresh.retrain()).isEmpty();
    assertThatThrownBy(fresh::toBytes).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void restore_ofToBytes_predictsTheSame() {
    byte[] bytes = predictor.toBytes();

    LoadPredictor back = LoadPredictor.builder().restore(bytes);

    assertThat(back.isTrained()).isTrue();
    assertThat(back.windowSize()).isZero();
    assertThat(back.metrics()).isEqualTo(predictor.metrics());
    Fleet probeFleet = new Fleet(5L, 10);
    for (int i = 0; i < 50; i++) {
      LoadFeatures f = probeFleet.randomPlacement();
      assertThat(back.predictMillis(f)).isEqualTo(predictor.predictMillis(f));
    }
    byte[] random = new byte[200];
    new Random(1).nextBytes(random);
    for (byte[] garbage : List.of(random, Arrays.copyOf(bytes, bytes.length - 10), new byte[0])) {
      assertThatThrownBy(() -> LoadPredictor.builder().restore(garbage))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("load predictor");
    }
    assertThatThrownBy(
            () ->
                LoadPredictor.builder()
                    .restore(
                        DecisionOutcomeModel.train(SyntheticDecisions.generate(1L, 200)).toBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind");
  }

  @Test
  void loadFeaturesAndBuilder_badValues_areRejectedNamingFieldAndValue() {
    assertThatThrownBy(() -> new LoadFeatures(0, 0.5, 2, 0.9, 100, 1, 0.1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpuCores")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> new LoadFeatures(4, 1.5, 2, 0.9, 100, 1, 0.1, 0))
        .hasMessageContaining("freeMemoryFraction")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> new LoadFeatures(4, 0.5, -3, 0.9, 100, 1, 0.1, 0))
        .hasMessageContaining("activeTasks")
        .hasMessageContaining("-3");
    assertThatThrownBy(() -> new LoadFeatures(4, 0.5, 2, 0.9, -100, 1, 0.1, 0))
        .hasMessageContaining("estimatedDurationMs")
        .hasMessageContaining("-100");
    assertThatThrownBy(() -> new LoadFeatures(4, 0.5, 2, 0.9, 100, Double.NaN, 0.1, 0))
        .hasMessageContaining("cpuRequirement")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> new LoadSample(new LoadFeatures(4, 0.5, 2, 0.9, 100, 1, 0.1, 0), -1))
        .hasMessageContaining("observedMillis")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> LoadPredictor.builder().windowCapacity(1))
        .hasMessageContaining("windowCapacity")
        .hasMessageContaining("1");
    assertThatThrownBy(() -> LoadPredictor.builder().windowCapacity(10).minSamples(20).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("minSamples 20")
        .hasMessageContaining("windowCapacity 10");
  }
}
