package io.swarmgrid.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.storage.node.NodeInfo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin jar in a stock Hazelcast 5.4.0 member: Hazelcast's own {@code HazelcastMemberStarter}
 * with the plain Hazelcast jar and {@code swarmgrid-plugin-<version>.jar} on its classpath and a
 * {@code hazelcast.yaml} that imports {@code classpath:swarmgrid-member.yaml}, in its own process.
 * Its node registers and its engines run.
 */
class PluginJarIT {
  private static final Path PLUGIN = Path.of(System.getProperty("swarmgrid.pluginJar", ""));
  private static final Path HAZELCAST = Path.of(System.getProperty("swarmgrid.hazelcastJar", ""));
  private static final String JVM_FLAGS = System.getProperty("swarmgrid.jvmFlags", "");
  private static final int PORT = 5771;

  @TempDir Path work;

  private Process member;

  @AfterEach
  void kill() throws InterruptedException {
    if (member != null) {
      member.destroyForcibly();
      member.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void stockMember_withPluginJar_registersItsNode_andRunsEngines() throws Exception {
    assertThat(PLUGIN).exists();
    assertThat(HAZELCAST).exists();
    try (var jar = new java.util.jar.JarFile(PLUGIN.toFile())) {
      assertThat(jar.getEntry("com/hazelcast/core/Hazelcast.class"))
          .as("the plugin jar leaves Hazelcast to the member")
          .isNull();
      assertThat(jar.getEntry("swarmgrid-member.yaml")).isNotNull();
    }
    Path hazelcastYaml = work.resolve("hazelcast.yaml");
    Files.writeString(
        hazelcastYaml,
        """
        hazelcast:
          import:
            - classpath:swarmgrid-member.yaml
          cluster-name: stock-plugin
          jet:
            enabled: true
          network:
            port:
              port: %d
              auto-increment: false
            join:
              auto-detection:
                enabled: false
              multicast:
                enabled: false
              tcp-ip:
                enabled: true
                member-list: [127.0.0.1:%d]
        """
            .formatted(PORT, PORT));
    Path swarmgridYaml = work.resolve("swarmgrid.yaml");
    Files.writeString(
        swarmgridYaml,
        """
        swarmgrid:
          node:
            id: stock-1
            region: eu-west
            key-file: keys/{node-id}.key
          engines:
            fault: true
            messaging: true
        """);
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String flag : JVM_FLAGS.trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        cmd.add(flag);
      }
    }
    cmd.addAll(
        List.of(
            "-Xmx384m",
            "-Dhazelcast.config=" + hazelcastYaml,
            "-Dswarmgrid.config=" + swarmgridYaml,
            "-Dhazelcast.phone.home.enabled=false",
            "-cp",
            HAZELCAST.toAbsolutePath() + File.pathSeparator + PLUGIN.toAbsolutePath(),
            "com.hazelcast.core.server.HazelcastMemberStarter"));
    member =
        new ProcessBuilder(cmd)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("member.log").toFile())
            .start();
    try (SwarmClient client =
        SwarmClient.connect(
            new SwarmClientConfig("stock-plugin", List.of("127.0.0.1:" + PORT), 120_000))) {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () -> client.activeNodes().stream().map(NodeInfo::nodeId).toList(),
              ids -> ids.contains("stock-1"));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () -> client.status().enginesByNode().getOrDefault("stock-1", List.of()),
              engines -> engines.contains("fault") && engines.contains("messaging"));
      assertThat(work.resolve("keys/stock-1.key")).exists();
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "\n--- member.log\n" + Files.readString(work.resolve("member.log")), e);
    }
  }
}
