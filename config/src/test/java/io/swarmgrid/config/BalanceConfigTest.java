package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BalanceConfigTest {
  @Test
  void unknownStrategy_isAnErrorNamingKeyAndValue() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    """
        swarmgrid:
          balance:
            strategy: fastest-first
        """))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("swarmgrid.balance.strategy")
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
          balance:
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
          balance:
            strategy: round-robin
            strategies: { train: predictive }
        """);
    assertThat(c.balance().strategyFor("train")).isEqualTo("predictive");
    assertThat(c.balance().strategyFor("resize")).isEqualTo("round-robin");
  }

  @Test
  void negativeWeight_isRefused() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    """
        swarmgrid:
          balance:
            cost-weight: -1
        """))
        .hasMessageContaining("cost-weight")
        .hasMessageContaining("-1");
  }
}
