package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiffusionConfigTest {
  private static void refused(String yaml, String... parts) {
    assertThatThrownBy(() -> SwarmGridConfigLoader.fromYaml("swarmgrid:\n  diffusion:\n" + yaml))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContainingAll(parts);
  }

  @Test
  void defaults_areTheDocumentedOnes() {
    DiffusionConfig d = SwarmGridConfig.ofDefaults().diffusion();
    assertThat(d).isEqualTo(DiffusionConfig.DEFAULTS);
    assertThat(d.neighboursMin()).isEqualTo(4);
    assertThat(d.neighboursMax()).isEqualTo(6);
    assertThat(d.redundancy()).isEqualTo(2);
    assertThat(d.quorum()).isEqualTo(2);
    assertThat(d.corruptResultsForTesting()).isFalse();
  }

  @Test
  void yaml_setsEveryKey() {
    DiffusionConfig d =
        SwarmGridConfigLoader.fromYaml(
                """
        swarmgrid:
          diffusion:
            neighbours-min: 3
            neighbours-max: 5
            long-links: 2
            energy-decay: 0.5
            redundancy: 3
            virtual-nodes: 100
            chunk-bytes: 4096
        """)
            .diffusion();
    assertThat(d.neighboursMin()).isEqualTo(3);
    assertThat(d.neighboursMax()).isEqualTo(5);
    assertThat(d.longLinks()).isEqualTo(2);
    assertThat(d.energyDecay()).isEqualTo(0.5);
    assertThat(d.quorum()).isEqualTo(2);
    assertThat(d.virtualNodes()).isEqualTo(100);
    assertThat(d.chunkBytes()).isEqualTo(4096);
  }

  @Test
  void outOfRangeValues_areRefused_namingKeyAndValue() {
    refused("    neighbours-min: 0\n", "swarmgrid.diffusion.neighbours-min", "0");
    refused(
        "    neighbours-min: 5\n    neighbours-max: 4\n",
        "swarmgrid.diffusion.neighbours-max",
        "4",
        "from 5");
    refused("    long-links: 7\n", "swarmgrid.diffusion.long-links", "7");
    refused("    energy-decay: 1.0\n", "swarmgrid.diffusion.energy-decay", "1.0");
    refused(
        "    stop-threshold: 10.0\n    max-energy: 5.0\n", "swarmgrid.diffusion.max-energy", "5.0");
    refused("    redundancy: 0\n", "swarmgrid.diffusion.redundancy", "0");
    refused("    chunk-bytes: 10\n", "swarmgrid.diffusion.chunk-bytes", "10");
    refused("    content-copies: 6\n", "swarmgrid.diffusion.content-copies", "6");
    refused("    content-max-age-seconds: 0\n", "swarmgrid.diffusion.content-max-age-seconds", "0");
    refused("    max-tasks: 0\n", "swarmgrid.diffusion.max-tasks", "0");
    refused("    virtual-nodes: -1\n", "swarmgrid.diffusion.virtual-nodes", "-1");
  }
}
