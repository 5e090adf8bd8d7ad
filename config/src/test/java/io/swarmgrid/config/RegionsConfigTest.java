package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionsConfigTest {
  private static final String PEERS =
      """
      swarmgrid:
        node: { region: eu-west }
        regions:
          peers:
            us-east: { cluster-name: swarm-us, addresses: ["127.0.0.1:5721"] }
      """;

  @Test
  void regions_parse_peersMapsPlacement() {
    SwarmGridConfig c =
        SwarmGridConfigLoader.fromYaml(
            PEERS
                + """
                    maps:
                      swarm.models: { to: [us-east], policy: higher-version }
                      my.map: { policy: custom, merge-class: com.example.Merge }
                    placement:
                      - { map: swarm.models, key-prefix: "", home: eu-west }
                      - { map: swarm.models, key-prefix: "graph/", home: us-east }
                """);
    RegionsConfig r = c.regions();
    assertThat(r.peers().get("us-east").addresses()).containsExactly("127.0.0.1:5721");
    assertThat(r.policyOf("swarm.models")).isEqualTo(ConflictPolicy.HIGHER_VERSION);
    assertThat(r.policyOf("other")).isEqualTo(ConflictPolicy.LATEST_UPDATE);
    assertThat(r.targetsOf("my.map")).containsExactly("us-east");
    assertThat(r.homeOf("swarm.models", "graph/x")).contains("us-east");
    assertThat(r.homeOf("swarm.models", "m1")).contains("eu-west");
    assertThat(r.homeOf("nothing", "k")).isEmpty();
  }

  @Test
  void regions_unknownTargetRegion_isRejectedNamingKeyAndValue() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    PEERS + "    maps:\n      swarm.models: { to: [mars] }\n"))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("swarmgrid.regions.maps.swarm.models.to[0]")
        .hasMessageContaining("'mars'")
        .hasMessageContaining("us-east");
  }

  @Test
  void regions_unknownPolicy_isRejected() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(PEERS + "    maps:\n      m: { policy: newest }\n"))
        .hasMessageContaining("swarmgrid.regions.maps.m.policy")
        .hasMessageContaining("'newest'")
        .hasMessageContaining("latest-update");
  }

  @Test
  void regions_customPolicyWithoutClass_isRejected() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(PEERS + "    maps:\n      m: { policy: custom }\n"))
        .hasMessageContaining("swarmgrid.regions.maps.m.merge-class");
  }

  @Test
  void regions_placementInUnknownRegion_isRejected() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    PEERS + "    placement:\n      - { map: m, home: mars }\n"))
        .hasMessageContaining("swarmgrid.regions.placement[0].home")
        .hasMessageContaining("'mars'")
        .hasMessageContaining("eu-west");
  }

  @Test
  void regions_peerNamedLikeOwnRegion_isRejected() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  node: { region: eu }\n  regions:\n    peers:\n      eu: { cluster-name: x, addresses: [a] }\n"))
        .hasMessageContaining("swarmgrid.regions.peers.eu");
  }

  @Test
  void regions_peerWithoutAddresses_isRejected() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  regions:\n    peers:\n      us: { cluster-name: x, addresses: [] }\n"))
        .hasMessageContaining("swarmgrid.regions.peers.us.addresses");
  }
}
