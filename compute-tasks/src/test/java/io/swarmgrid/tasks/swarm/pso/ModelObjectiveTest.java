package io.swarmgrid.tasks.swarm.pso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hyper-parameter search objective on the shipped Fashion-MNIST subset, seeded. */
class ModelObjectiveTest {
  static final Path SAMPLE = Path.of("../deploy/samples/fashion-mnist");
  static ModelObjective objective;

  @BeforeAll
  static void load() throws Exception {
    objective = ModelObjective.fashionMnist(SAMPLE, 600, 400);
  }

  @Test
  void hyperParameters_coverTheirRanges_andRefuseAWrongDimension() {
    HyperParameters low = HyperParameters.at(new double[] {0, 0, 0});
    HyperParameters high = HyperParameters.at(new double[] {1, 1, 1});
    assertThat(low.learningRate()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(low.batchSize()).isEqualTo(4);
    assertThat(low.epochs()).isEqualTo(1);
    assertThat(high.batchSize()).isEqualTo(256);
    assertThat(high.epochs()).isEqualTo(3);
    assertThatThrownBy(() -> HyperParameters.at(new double[] {0.5}))
        .hasMessageContaining("hyper-parameter point: 1 coordinates");
  }

  @Test
  void aPointAlwaysScoresTheSame_andTheValueIsOneMinusValidationAccuracy() {
    double[] x = {0.6, 0.3, 0.5};
    double a = objective.accuracy(x);
    assertThat(objective.accuracy(x)).isEqualTo(a);
    assertThat(objective.value(x)).isEqualTo(1 - a);
    assertThat(a).isBetween(0.5, 1.0);
    // A learning rate of 0.001 for one epoch in batches of 256 barely moves off uniform.
    assertThat(objective.accuracy(new double[] {0, 1, 0})).isLessThan(a);
  }

  @Test
  void swarmAndRandomSearch_spendTheSameBudget_andFindAGoodConfiguration() {
    ModelSearchVsRandom c =
        ModelSearchVsRandom.compare(objective, 4, 12, List.of(1L, 2L), PsoParams.defaults());
    assertThat(c.runs()).isEqualTo(2);
    assertThat(c.psoAccuracy()).isGreaterThan(0.6);
    assertThat(c.randomAccuracy()).isGreaterThan(0.6);
    assertThat(c.mean()).isEqualTo(c.psoAccuracy() - c.randomAccuracy(), within());
    SearchResult r =
        ParticleSwarm.minimise(
            objective, HyperParameters.DIMENSION, 4, 12, 1, PsoParams.defaults());
    assertThat(r.evaluations()).isEqualTo(12);
    assertThat(java.util.Arrays.stream(r.position()).boxed().toList())
        .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
  }

  @Test
  void badSplits_areNamed() {
    assertThatThrownBy(() -> ModelObjective.fashionMnist(SAMPLE, 0, 10))
        .hasMessageContaining("trainCount/validationCount: 0/10");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
