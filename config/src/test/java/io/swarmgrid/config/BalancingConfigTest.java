package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BalancingConfigTest {
  @Test
  void unknownStrategy_isAnErrorNamingKeyAndValue() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    """
        swarmgrid:
          balancing:
            strategy: fastest-first
        """))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("swarmgrid.balancing.strategy")
        .hasMessageContaining("fastest-first")
        .hasMessageContaining("least-connections");
  }

  @Test
  void unknownStrategyForOneType_namesTheType() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    """
        swarmgrid:
          balancing:
            strategies: { resize: neural }
        """))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("strategies.resize")
        .hasMessageContaining("neural");
  }

  @Test
  void strategyPerType_overridesTheDefault() {
    SwarmGridConfig c =
        SwarmGridConfigLoader.fromYaml(
            """
        swarmgrid:
          balancing:
            strategy: round-robin
            strategies: { train: predictive }
        """);
    assertThat(c.balancing().strategyFor("train")).isEqualTo("predictive");
    assertThat(c.balancing().strategyFor("resize")).isEqualTo("round-robin");
  }

  @Test
  void negativeWeight_isRefused() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    """
        swarmgrid:
          balancing:
            cost-weight: -1
        """))
        .hasMessageContaining("cost-weight")
        .hasMessageContaining("-1");
  }
}
