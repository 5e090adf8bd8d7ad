package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PropagationConfigTest {
  private static void refused(String yaml, String... parts) {
    assertThatThrownBy(() -> SwarmGridConfigLoader.fromYaml("swarmgrid:\n  propagation:\n" + yaml))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContainingAll(parts);
  }

  @Test
  void yaml_setsEveryKey() {
    PropagationConfig p =
        SwarmGridConfigLoader.fromYaml(
                """
                swarmgrid:
                  propagation:
                    max-payload-bytes: 2048
                    degrade-after-millis: 20
                    edge-budget: 50000
                    edge-server-budget: 0
                    cloud-budget: 1000000
                    send-threads: 2
                """)
            .propagation();
    assertThat(p)
        .isEqualTo(
            PropagationConfig.custom()
                .maxPayloadBytes(2048)
                .degradeAfterMillis(20)
                .edgeBudget(50_000)
                .cloudBudget(1_000_000)
                .sendThreads(2)
                .build());
    assertThat(p.budgetOf(NodeTier.EDGE)).isEqualTo(50_000);
    assertThat(p.budgetOf(NodeTier.EDGE_SERVER)).isZero();
  }

  @Test
  void badValues_areRefused_namingKeyAndValue() {
    refused("    edge-budget: -1\n", "swarmgrid.propagation.edge-budget", "-1");
    refused("    cloud-budget: 1000\n", "swarmgrid.propagation.cloud-budget", "1000", "at least");
    refused("    max-payload-bytes: 0\n", "swarmgrid.propagation.max-payload-bytes", "0");
    refused("    send-threads: 65\n", "swarmgrid.propagation.send-threads", "65");
    refused("    budget: 5\n", "budget");
  }

  @Test
  void minimumBudget_carriesElevenLargestDeliveries() {
    assertThat(PropagationConfig.minimumBudget(3)).isEqualTo(11L * (4 + 1024));
  }
}
