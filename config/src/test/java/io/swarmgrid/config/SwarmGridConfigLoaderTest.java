package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwarmGridConfigLoaderTest {

  @TempDir Path dir;

  private static SwarmConfigException rejected(String yaml) {
    try {
      SwarmGridConfigLoader.fromYaml(yaml);
    } catch (SwarmConfigException e) {
      return e;
    }
    throw new AssertionError("expected the config to be rejected:\n" + yaml);
  }

  private static SwarmConfigException rejectedEnv(Map<String, String> env) {
    try {
      SwarmGridConfigLoader.parse(null, "test", env);
    } catch (SwarmConfigException e) {
      return e;
    }
    throw new AssertionError("expected the environment to be rejected: " + env);
  }

  @Test
  void load_nothingAnywhere_givesBundledDefaults() {
    var loaded = SwarmGridConfigLoader.load(new Properties(), Map.of(), dir);
    assertThat(loaded.source()).isEqualTo("bundled defaults");
    assertThat(loaded.config()).isEqualTo(SwarmGridConfig.ofDefaults());
    assertThat(loaded.config().node().region()).isEqualTo("default");
    assertThat(loaded.config().node().tier()).isEqualTo(NodeTier.CLOUD);
    assertThat(loaded.config().engines().enabled()).isEmpty();
    assertThat(loaded.config().storage()).isEqualTo(StorageConfig.DEFAULTS);
  }

  @Test
  void fullExample_listsEveryKeyWithItsDefault() throws IOException {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("swarmgrid-full-example.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(SwarmGridConfigLoader.fromYaml(text)).isEqualTo(SwarmGridConfig.ofDefaults());
    }
  }

  @Test
  void parse_partialFile_keepsDefaultsForMissingKeys() {
    SwarmGridConfig c =
        SwarmGridConfigLoader.fromYaml(
            """
            swarmgrid:
              node:
                id: worker-7
                region: eu-west
                tier: edge-server
                capabilities: [gpu, camera]
                capacity: { cpu-cores: 8 }
              engines:
                consensus: true
            """);
    assertThat(c.node().id()).isEqualTo("worker-7");
    assertThat(c.node().region()).isEqualTo("eu-west");
    assertThat(c.node().tier()).isEqualTo(NodeTier.EDGE_SERVER);
    assertThat(c.node().capabilities()).containsExactly("gpu", "camera");
    assertThat(c.node().capacity()).isEqualTo(new Capacity(8, 0, 0));
    assertThat(c.engines().enabled()).containsExactly(EngineKind.CONSENSUS);
    assertThat(c.storage()).isEqualTo(StorageConfig.DEFAULTS);
  }

  @Test
  void unknownKey_isRejected_namingPathAndValue() {
    var e = rejected("swarmgrid:\n  node:\n    colour: blue\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.colour");
    assertThat(e.getMessage()).contains("swarmgrid.node.colour", "'blue'", "no such key", "region");
  }

  @Test
  void unknownSection_isRejected() {
    var e = rejected("swarmgrid:\n  engins:\n    consensus: true\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.engins");
    assertThat(e.getMessage()).contains("engines");
  }

  @Test
  void unknownTopLevelKey_isRejected() {
    var e = rejected("hazelcast:\n  cluster-name: x\n");
    assertThat(e.keyPath()).isEqualTo("hazelcast");
    assertThat(e.getMessage()).contains("only the key 'swarmgrid'");
  }

  @Test
  void wrongType_isRejected_namingPathAndValue() {
    var e = rejected("swarmgrid:\n  storage:\n    backup-count: lots\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.storage.backup-count");
    assertThat(e.value()).isEqualTo("lots");
    assertThat(e.getMessage()).contains("'lots'", "whole number");
  }

  @Test
  void fractionForWholeNumber_isRejected() {
    var e = rejected("swarmgrid:\n  node:\n    heartbeat-seconds: 1.5\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.heartbeat-seconds");
    assertThat(e.getMessage()).contains("1.5", "whole number");
  }

  @Test
  void booleanWithWrongType_isRejected() {
    var e = rejected("swarmgrid:\n  engines:\n    consensus: [yes]\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.engines.consensus");
    assertThat(e.getMessage()).contains("true or false");
  }

  @Test
  void sectionGivenAsScalar_isRejected() {
    var e = rejected("swarmgrid:\n  node: 5\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node");
    assertThat(e.getMessage()).contains("'5'", "mapping");
  }

  @Test
  void nullForNumber_isRejected() {
    var e = rejected("swarmgrid:\n  node:\n    heartbeat-seconds:\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.heartbeat-seconds");
  }

  @Test
  void outOfRange_isRejected_namingPathValueAndRange() {
    var e = rejected("swarmgrid:\n  storage:\n    backup-count: 0\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.storage.backup-count");
    assertThat(e.value()).isEqualTo("0");
    assertThat(e.getMessage()).contains("from 1 to 6");
  }

  @Test
  void outOfRangeNested_isRejected_withFullPath() {
    var e = rejected("swarmgrid:\n  node:\n    capacity:\n      cpu-cores: -1\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.capacity.cpu-cores");
    assertThat(e.getMessage()).contains("'-1'", "from 0 to 4096");
  }

  @Test
  void unknownTier_isRejected_listingAllowedTiers() {
    var e = rejected("swarmgrid:\n  node:\n    tier: satellite\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.tier");
    assertThat(e.getMessage()).contains("'satellite'", "edge, edge-server, cloud");
  }

  @Test
  void badRegionName_isRejected() {
    var e = rejected("swarmgrid:\n  node:\n    region: \"eu west!\"\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.region");
    assertThat(e.getMessage()).contains("'eu west!'", "letters, digits");
  }

  @Test
  void badCapability_isRejected_withItsIndex() {
    var e = rejected("swarmgrid:\n  node:\n    capabilities: [gpu, \"\"]\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.capabilities[1]");
  }

  @Test
  void blankKeyFile_isRejected() {
    var e = rejected("swarmgrid:\n  node:\n    key-file: \" \"\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.key-file");
  }

  @Test
  void malformedYaml_isRejected_withLine() {
    var e = rejected("swarmgrid:\n  node: [unclosed\n");
    assertThat(e.getMessage()).contains("line", "well-formed YAML");
  }

  @Test
  void rootNotAMapping_isRejected() {
    var e = rejected("swarmgrid: 3\n");
    assertThat(e.keyPath()).isEqualTo("swarmgrid");
  }

  @Test
  void explicitlyNamedFile_missing_isRejected_namingPropertyAndPath() {
    Properties props = new Properties();
    props.setProperty(SwarmGridConfigLoader.CONFIG_PROPERTY, "nope/swarmgrid.yaml");
    assertThatThrownBy(() -> SwarmGridConfigLoader.load(props, Map.of(), dir))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("swarmgrid.config")
        .hasMessageContaining("nope/swarmgrid.yaml");
  }

  @Test
  void explicitlyNamedFile_byEnvironment_missing_isRejected() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.load(
                    new Properties(), Map.of("SWARMGRID_CONFIG", "gone.yaml"), dir))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("SWARMGRID_CONFIG")
        .hasMessageContaining("gone.yaml");
  }

  @Test
  void errorInFile_namesTheFile() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "swarmgrid:\n  node:\n    tier: moon\n");
    assertThatThrownBy(() -> SwarmGridConfigLoader.fromFile(file))
        .hasMessageContaining("swarmgrid.node.tier")
        .hasMessageContaining(file.toString());
  }

  @Test
  void locate_systemPropertyBeatsWorkingDirectory_whichBeatsDefaults() throws IOException {
    Files.writeString(
        dir.resolve("swarmgrid.yaml"), "swarmgrid:\n  node:\n    region: from-workdir\n");
    Files.writeString(
        dir.resolve("other.yaml"), "swarmgrid:\n  node:\n    region: from-property\n");

    var fromWorkDir = SwarmGridConfigLoader.load(new Properties(), Map.of(), dir);
    assertThat(fromWorkDir.config().node().region()).isEqualTo("from-workdir");

    Properties props = new Properties();
    props.setProperty(SwarmGridConfigLoader.CONFIG_PROPERTY, "other.yaml");
    var fromProperty = SwarmGridConfigLoader.load(props, Map.of(), dir);
    assertThat(fromProperty.config().node().region()).isEqualTo("from-property");
    assertThat(fromProperty.source()).endsWith("other.yaml");
  }

  @Test
  void environment_overridesSingleKeys_ofEveryType() {
    SwarmGridConfig c =
        SwarmGridConfigLoader.parse(
            "swarmgrid:\n  node:\n    region: from-file\n",
            "test",
            Map.of(
                "SWARMGRID_NODE_REGION", "eu-west",
                "SWARMGRID_NODE_KEY_FILE", "/keys/{node-id}.pem",
                "SWARMGRID_NODE_CAPACITY_CPU_CORES", "4",
                "SWARMGRID_NODE_CAPABILITIES", "gpu, camera",
                "SWARMGRID_ENGINES_CONSENSUS", "true",
                "SWARMGRID_HOME", "/opt/swarmgrid",
                "PATH", "/usr/bin"));
    assertThat(c.node().region()).isEqualTo("eu-west");
    assertThat(c.node().keyFile()).isEqualTo("/keys/{node-id}.pem");
    assertThat(c.node().capacity().cpuCores()).isEqualTo(4);
    assertThat(c.node().capabilities()).containsExactly("gpu", "camera");
    assertThat(c.engines().enabled()).isEqualTo(Set.of(EngineKind.CONSENSUS));
  }

  @Test
  void environment_badBoolean_isRejected_namingVariableAndKey() {
    var e = rejectedEnv(Map.of("SWARMGRID_ENGINES_SWARM", "maybe"));
    assertThat(e.getMessage())
        .contains("SWARMGRID_ENGINES_SWARM", "swarmgrid.engines.swarm", "'maybe'", "true or false");
  }

  @Test
  void environment_badNumber_isRejected() {
    var e = rejectedEnv(Map.of("SWARMGRID_STORAGE_BACKUP_COUNT", "two"));
    assertThat(e.getMessage()).contains("SWARMGRID_STORAGE_BACKUP_COUNT", "'two'", "whole number");
  }

  @Test
  void environment_outOfRange_isRejected_withKeyPath() {
    var e = rejectedEnv(Map.of("SWARMGRID_STORAGE_BACKUP_COUNT", "0"));
    assertThat(e.keyPath()).isEqualTo("swarmgrid.storage.backup-count");
    assertThat(e.getMessage()).contains("'0'", "environment");
  }

  @Test
  void environment_unknownVariable_isRejected() {
    var e = rejectedEnv(Map.of("SWARMGRID_NODE_COLOUR", "blue"));
    assertThat(e.getMessage()).contains("SWARMGRID_NODE_COLOUR", "'blue'");
  }

  @Test
  void environment_launcherVariables_areNeverConfigKeys() {
    // What ./swarmgrid and deploy/bin/swarmgrid-member export or read: a member started by the
    // script sees them and must start.
    SwarmGridConfig c =
        SwarmGridConfigLoader.parse(
            null,
            "test",
            Map.of(
                "SWARMGRID_JAR", "/opt/swarmgrid/swarmgrid-member.jar",
                "SWARMGRID_JAVA_OPTS", "-Xmx1g",
                "SWARMGRID_CONFIG", "swarmgrid.yaml",
                "SWARMGRID_HOME", "/opt/swarmgrid",
                "SWARMGRID_OPTS", "--verbose",
                "SWARMGRID_NO_BUILD", "1",
                "SWARMGRID_NODE_REGION", "eu-west"));
    assertThat(c.node().region()).isEqualTo("eu-west");
  }

  @Test
  void environment_mistypedKey_beside_launcherVariables_isStillRejected() {
    var e =
        rejectedEnv(
            Map.of(
                "SWARMGRID_JAR", "/opt/swarmgrid/swarmgrid-member.jar",
                "SWARMGRID_NODE_REGON", "eu-west"));
    assertThat(e.getMessage())
        .contains("SWARMGRID_NODE_REGON", "'eu-west'", "SWARMGRID_NODE_REGION")
        .doesNotContain("SWARMGRID_JAR");
  }

  @Test
  void environment_namingASection_isRejected() {
    var e = rejectedEnv(Map.of("SWARMGRID_NODE_CAPACITY", "8"));
    assertThat(e.getMessage()).contains("SWARMGRID_NODE_CAPACITY", "single key");
  }

  @Test
  void consensus_outOfRange_isRejected_withFullPath() {
    var quorum = rejected("swarmgrid:\n  consensus:\n    quorum-fraction: 0.3\n");
    assertThat(quorum.keyPath()).isEqualTo("swarmgrid.consensus.quorum-fraction");
    assertThat(quorum.getMessage()).contains("'0.3'", "from 0.5 to 0.99");
    var examples =
        rejected(
            "swarmgrid:\n  consensus:\n    learning:\n      min-examples: 100\n      max-examples: 50\n");
    assertThat(examples.keyPath()).isEqualTo("swarmgrid.consensus.learning.max-examples");
    assertThat(examples.getMessage()).contains("'50'", "at least min-examples (100)");
    var gate = rejected("swarmgrid:\n  consensus:\n    learning:\n      gate: perhaps\n");
    assertThat(gate.keyPath()).isEqualTo("swarmgrid.consensus.learning.gate");
  }

  @Test
  void consensusCp_missingMemberRemoval_isReadAndChecked() {
    var config =
        SwarmGridConfigLoader.fromYaml(
            "swarmgrid:\n  consensus:\n    cp:\n      missing-member-removal: 45\n");
    assertThat(config.consensus().cp().missingMemberRemoval()).isEqualTo(45);
    assertThat(SwarmGridConfig.ofDefaults().consensus().cp().missingMemberRemoval()).isEqualTo(20);
    var negative =
        rejected("swarmgrid:\n  consensus:\n    cp:\n      missing-member-removal: -1\n");
    assertThat(negative.keyPath()).isEqualTo("swarmgrid.consensus.cp.missing-member-removal");
    assertThat(negative.getMessage()).contains("'-1'");
  }

  @Test
  void builder_rejectsBadValueAtOnce() {
    var builder = NodeConfig.custom();
    assertThatThrownBy(() -> builder.heartbeatSeconds(0))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("swarmgrid.node.heartbeat-seconds")
        .hasMessageContaining("'0'");
    assertThatThrownBy(() -> builder.region("bad region"))
        .hasMessageContaining("region")
        .hasMessageContaining("'bad region'");
    assertThatThrownBy(() -> StorageConfig.custom().eventJournalCapacity(10))
        .hasMessageContaining("swarmgrid.storage.event-journal-capacity")
        .hasMessageContaining("'10'");
  }

  @Test
  void builder_buildsWhatItWasGiven() {
    NodeConfig node =
        NodeConfig.custom()
            .id("n1")
            .region("r")
            .tier(NodeTier.EDGE)
            .capability("gpu")
            .heartbeatSeconds(2)
            .build();
    SwarmGridConfig c =
        SwarmGridConfig.custom()
            .node(node)
            .engines(EnginesConfig.of(Set.of(EngineKind.FAULT)))
            .build();
    assertThat(c.node().capabilities()).isEqualTo(List.of("gpu"));
    assertThat(c.node().keyFileFor("n1")).isEqualTo(Path.of(".swarmgrid/keys/n1.key"));
    assertThat(c.engines().isEnabled(EngineKind.FAULT)).isTrue();
    assertThat(SwarmGridConfig.from(c).build()).isEqualTo(c);
  }
}
