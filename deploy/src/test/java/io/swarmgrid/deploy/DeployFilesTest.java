package io.swarmgrid.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.hazelcast.config.Config;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.config.SwarmGridConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaging files under deploy/ hold together: every Hazelcast YAML loads through Hazelcast's
 * own config loader (the plugin import resolved), every swarmgrid.yaml through SwarmGrid's, the
 * compose file and the Kubernetes manifests parse, and the names and ports agree across files. (No
 * container runtime here: the images and manifests are not run, see docs/DEPLOY.md.)
 */
class DeployFilesTest {
  private static final Path DEPLOY = Path.of(System.getProperty("swarmgrid.deployDir", "."));
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path tmp;

  private static Config hazelcast(String yaml) {
    return Config.loadFromString(yaml);
  }

  private SwarmGridConfig swarmgrid(String yaml, Map<String, String> env) throws IOException {
    Path f = Files.createTempFile(tmp, "swarmgrid", ".yaml");
    Files.writeString(f, yaml);
    Properties p = new Properties();
    p.setProperty(SwarmGridConfigLoader.CONFIG_PROPERTY, f.toString());
    return SwarmGridConfigLoader.load(p, env, tmp).config();
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        docs.add(it.next());
      }
    }
    return docs;
  }

  @Test
  void compose_twoRegionsOfThree_agreeWithTheirConfigs() throws IOException {
    Path dir = DEPLOY.resolve("docker");
    JsonNode compose = YAML.readTree(dir.resolve("compose.yaml").toFile());
    JsonNode services = compose.get("services");
    assertThat(services.size()).isEqualTo(6);
    Set<String> hostPorts = new HashSet<>();
    Map<String, Config> byRegion = new HashMap<>();
    for (String region : List.of("eu-west", "us-east")) {
      byRegion.put(
          region,
          Config.loadFromFile(dir.resolve("config/" + region + "/hazelcast.yaml").toFile()));
    }
    for (String region : List.of("eu-west", "us-east")) {
      Config hz = byRegion.get(region);
      String peer = region.equals("eu-west") ? "us-east" : "eu-west";
      int port = hz.getNetworkConfig().getPort();
      List<String> hosts = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        String name = region + "-" + i;
        JsonNode s = services.get(name);
        assertThat(s).as(name).isNotNull();
        assertThat(s.get("hostname").asText()).isEqualTo(name);
        JsonNode env = s.get("environment");
        assertThat(env.get("SWARMGRID_NODE_ID").asText()).isEqualTo(name);
        assertThat(env.get("HAZELCAST_CONFIG").asText()).isEqualTo("/etc/swarmgrid/hazelcast.yaml");
        assertThat(s.get("volumes").get(0).asText())
            .isEqualTo("./config/" + region + ":/etc/swarmgrid:ro");
        String http = env.get("SWARMGRID_HTTP_PORT").asText();
        for (JsonNode mapping : s.get("ports")) {
          String[] hostContainer = mapping.asText().split(":");
          assertThat(hostContainer[1]).isIn(http, Integer.toString(port));
          assertThat(hostPorts.add(hostContainer[0]))
              .as("host port " + hostContainer[0] + " used once")
              .isTrue();
        }
        assertThat(s.get("stop_signal").asText()).isEqualTo("SIGTERM");
        hosts.add(name + ":" + port);
      }
      assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
          .containsExactlyElementsOf(hosts);
      assertThat(hz.getClusterName()).isEqualTo("swarmgrid-" + region);
      assertThat(hz.getJetConfig().isEnabled()).isTrue();
      SwarmGridConfig sg =
          swarmgrid(
              Files.readString(dir.resolve("config/" + region + "/swarmgrid.yaml")),
              Map.of("SWARMGRID_NODE_ID", region + "-1"));
      assertThat(sg.node().region()).isEqualTo(region);
      var peerConfig = sg.regions().peers().get(peer);
      assertThat(peerConfig.clusterName()).isEqualTo(byRegion.get(peer).getClusterName());
      assertThat(peerConfig.addresses())
          .containsExactlyElementsOf(
              byRegion.get(peer).getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
      assertThat(sg.regions().maps().get("swarm.models").to()).containsExactly(peer);
    }
    String dockerfile = Files.readString(dir.resolve("Dockerfile"));
    assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).hasSize(2);
    assertThat(dockerfile).contains("USER swarmgrid", "EXPOSE 5701 8080", "-jre");
    assertThat(services.get("eu-west-1").get("build").get("dockerfile").asText())
        .isEqualTo("deploy/docker/Dockerfile");
  }

  @Test
  void kubernetes_statefulSetServiceAndConfigMap_agree() throws IOException {
    Path dir = DEPLOY.resolve("k8s");
    JsonNode configMap = documents(dir.resolve("configmap.yaml")).get(0);
    JsonNode service = documents(dir.resolve("service.yaml")).get(0);
    JsonNode sts = documents(dir.resolve("statefulset.yaml")).get(0);
    assertThat(sts.get("kind").asText()).isEqualTo("StatefulSet");
    assertThat(service.get("spec").get("clusterIP").asText()).isEqualTo("None");
    String serviceName = service.get("metadata").get("name").asText();
    assertThat(sts.get("spec").get("serviceName").asText()).isEqualTo(serviceName);
    JsonNode pod = sts.get("spec").get("template");
    assertThat(pod.get("metadata").get("labels"))
        .isEqualTo(sts.get("spec").get("selector").get("matchLabels"));
    assertThat(service.get("spec").get("selector")).isEqualTo(pod.get("metadata").get("labels"));
    JsonNode container = pod.get("spec").get("containers").get(0);
    Map<String, Integer> containerPorts = new HashMap<>();
    container
        .get("ports")
        .forEach(p -> containerPorts.put(p.get("name").asText(), p.get("containerPort").asInt()));
    Map<String, String> env = new HashMap<>();
    container.get("env").forEach(e -> env.put(e.get("name").asText(), e.path("value").asText()));
    assertThat(pod.get("spec").get("volumes").get(0).get("configMap").get("name").asText())
        .isEqualTo(configMap.get("metadata").get("name").asText());

    Config hz = hazelcast(configMap.get("data").get("hazelcast.yaml").asText());
    var k8s = hz.getNetworkConfig().getJoin().getKubernetesConfig();
    assertThat(k8s.isEnabled()).isTrue();
    assertThat(k8s.getProperty("service-dns")).startsWith(serviceName + ".");
    assertThat(k8s.getProperty("service-port"))
        .isEqualTo(Integer.toString(hz.getNetworkConfig().getPort()));
    assertThat(containerPorts.get("hazelcast")).isEqualTo(hz.getNetworkConfig().getPort());
    assertThat(containerPorts.get("http"))
        .isEqualTo(Integer.parseInt(env.get("SWARMGRID_HTTP_PORT")));
    for (JsonNode p : service.get("spec").get("ports")) {
      assertThat(p.get("port").asInt()).isEqualTo(containerPorts.get(p.get("targetPort").asText()));
    }
    assertThat(sts.get("spec").get("replicas").asInt())
        .isGreaterThanOrEqualTo(hz.getCPSubsystemConfig().getCPMemberCount());
    assertThat(container.get("livenessProbe").get("httpGet").get("path").asText())
        .isEqualTo("/health/live");
    assertThat(container.get("readinessProbe").get("httpGet").get("path").asText())
        .isEqualTo("/health/ready");
    assertThat(container.get("livenessProbe").get("httpGet").get("port").asText())
        .isEqualTo("http");
    assertThat(env.get("SWARMGRID_CONFIG"))
        .isEqualTo(
            container.get("volumeMounts").get(0).get("mountPath").asText() + "/swarmgrid.yaml");
    SwarmGridConfig sg =
        swarmgrid(
            configMap.get("data").get("swarmgrid.yaml").asText(),
            Map.of("SWARMGRID_NODE_ID", "swarmgrid-0"));
    assertThat(sg.node().id()).isEqualTo("swarmgrid-0");
    assertThat(pod.get("spec").get("terminationGracePeriodSeconds").asInt())
        .isGreaterThanOrEqualTo(60);
    assertThat(pod.get("spec").get("securityContext").get("runAsNonRoot").asBoolean()).isTrue();
  }

  @Test
  void systemd_unitAndEnvironmentFile_agree() throws IOException {
    Path dir = DEPLOY.resolve("systemd");
    String unit = Files.readString(dir.resolve("swarmgrid.service"));
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("swarmgrid.env"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    assertThat(unit)
        .contains("EnvironmentFile=/etc/swarmgrid/swarmgrid.env")
        .contains("ExecStart=/opt/swarmgrid/bin/swarmgrid-member --hazelcast ${HAZELCAST_CONFIG}")
        .contains("KillSignal=SIGTERM")
        .contains("SuccessExitStatus=143");
    assertThat(env).containsKeys("HAZELCAST_CONFIG", "SWARMGRID_CONFIG", "SWARMGRID_JAR");
    assertThat(env.keySet().stream().filter(k -> k.startsWith("SWARMGRID_")))
        .as("only launcher variables, which the config loader does not take for keys")
        .allMatch(k -> SwarmGridConfigLoader.LAUNCHER_VARIABLES.contains(k));
  }
}
