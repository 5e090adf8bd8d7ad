package io.swarmgrid.storage.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stability over detected patterns, on constructed pattern logs. */
class PatternStabilityTest {
  private static PatternEvent harmful(String swarm, long tick) {
    return PatternEvent.of(swarm, PatternKind.STAGNATION, PatternEffect.HARMFUL, tick, "");
  }

  private static PatternEvent beneficial(String swarm, long tick) {
    return PatternEvent.of(swarm, PatternKind.CONVERGENCE, PatternEffect.BENEFICIAL, tick, "");
  }

  @Test
  void windowsWithHarmfulAndBeneficialPatterns_andTicksSinceTheLastHarmfulOne() {
    // Ticks 100..149: windows [100,110) [110,120) [120,130) [130,140) [140,150).
    List<PatternEvent> log =
        List.of(
            harmful("c", 100),
            harmful("c", 105),
            beneficial("c", 112),
            harmful("c", 121),
            beneficial("c", 135),
            beneficial("c", 149),
            harmful("other", 5));
    PatternStability s = PatternStability.of("c", log, 10);
    assertThat(s.patterns()).isEqualTo(6);
    assertThat(s.windows()).isEqualTo(5);
    assertThat(s.harmfulWindowShare()).isEqualTo(2 / 5.0);
    assertThat(s.beneficialWindowShare()).isEqualTo(3 / 5.0);
    assertThat(s.ticksSinceHarmful()).isEqualTo(149 - 121);
  }

  @Test
  void aSwarmWithoutHarmfulPatterns_isStable_andOneWithNoneAtAllIsEmpty() {
    PatternStability calm = PatternStability.of("c", List.of(beneficial("c", 7)), 10);
    assertThat(calm.windows()).isEqualTo(1);
    assertThat(calm.harmfulWindowShare()).isZero();
    assertThat(calm.beneficialWindowShare()).isEqualTo(1.0);
    assertThat(calm.ticksSinceHarmful()).isEqualTo(-1);
    PatternStability none = PatternStability.of("x", List.of(beneficial("c", 7)), 10);
    assertThat(none.patterns()).isZero();
    assertThat(none.windows()).isZero();
    assertThat(PatternStability.bySwarm(List.of(beneficial("c", 1), harmful("d", 2)), 10))
        .containsOnlyKeys("c", "d");
    assertThatThrownBy(() -> PatternStability.of("c", List.of(), 0))
        .hasMessageContaining("windowTicks: 0");
  }
}
