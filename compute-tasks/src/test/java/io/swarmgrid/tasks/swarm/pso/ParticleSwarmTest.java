package io.swarmgrid.tasks.swarm.pso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain particle-swarm optimiser, seeded: deterministic, inside the domain, beats random. */
class ParticleSwarmTest {
  private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

  @Test
  void testFunctions_areZeroAtTheirOptimum() {
    assertThat(TestFunction.SPHERE.value(new double[] {0, 0, 0})).isZero();
    assertThat(TestFunction.RASTRIGIN.value(new double[] {0, 0, 0})).isZero();
    assertThat(TestFunction.ROSENBROCK.value(new double[] {1, 1, 1})).isZero();
    assertThat(TestFunction.ACKLEY.value(new double[] {0, 0, 0})).isCloseTo(0, within(1e-12));
    assertThat(TestFunction.RASTRIGIN.value(new double[] {1, 0})).isCloseTo(1, within(1e-12));
  }

  @Test
  void sameSeed_sameResult_andTheBudgetIsSpentExactly() {
    SearchResult a =
        ParticleSwarm.minimise(TestFunction.RASTRIGIN, 5, 10, 777, 42, PsoParams.defaults());
    SearchResult b =
        ParticleSwarm.minimise(TestFunction.RASTRIGIN, 5, 10, 777, 42, PsoParams.defaults());
    assertThat(a.value()).isEqualTo(b.value());
    assertThat(a.position()).containsExactly(b.position());
    assertThat(a.evaluations()).isEqualTo(777);
    assertThat(a.value()).isEqualTo(TestFunction.RASTRIGIN.value(a.position()));
    assertThat(Arrays.stream(a.position()).allMatch(x -> x >= -5.12 && x <= 5.12)).isTrue();
  }

  @Test
  void swarm_beatsRandomSearch_atTheSameBudget_onEveryFunction() {
    PsoVsRandom c =
        PsoVsRandom.compare(
            List.of(TestFunction.values()), 10, 20, 2_000, SEEDS, PsoParams.defaults());
    assertThat(c.runs()).isEqualTo(20);
    assertThat(c.mean()).isGreaterThan(0);
    c.perFunction().forEach((f, score) -> assertThat(score).as(f.id()).isGreaterThan(0));
    SearchResult sphere =
        ParticleSwarm.minimise(TestFunction.SPHERE, 10, 20, 2_000, 1, PsoParams.defaults());
    assertThat(sphere.value()).isLessThan(0.01);
  }

  @Test
  void badInput_isNamed() {
    assertThatThrownBy(() -> TestFunction.named("griewank"))
        .hasMessageContaining("objective: 'griewank'")
        .hasMessageContaining("rastrigin");
    assertThatThrownBy(
            () -> ParticleSwarm.minimise(TestFunction.SPHERE, 0, 5, 10, 1, PsoParams.defaults()))
        .hasMessageContaining("dimension: 0");
    assertThatThrownBy(() -> new PsoParams(1.5, 1, 1, 0.2)).hasMessageContaining("inertia: 1.5");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
