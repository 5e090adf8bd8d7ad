package io.swarmgrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.SwarmGridVersion;
import io.swarmgrid.storage.node.NodeInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./swarmgrid} script itself, run from the repository root as a user runs it, on the jar
 * this build made ({@code SWARMGRID_NO_BUILD}: the script must not start Maven inside the build).
 * The member listens on 127.0.0.1:5701 (the example's port).
 */
class SwarmGridScriptIT {
  private static final Path REPO =
      Path.of(System.getProperty("swarmgrid.repoRoot", "..")).toAbsolutePath().normalize();
  private static final String EXAMPLE = "deploy/examples/loopback-3/";

  @TempDir Path work;

  private final List<Process> started = new ArrayList<>();

  /** What a finished run of the script printed and returned. */
  record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private ProcessBuilder script(Map<String, String> env, String name, String... args) {
    List<String> cmd = new ArrayList<>(List.of("./swarmgrid"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(REPO.toFile())
            .redirectOutput(work.resolve(name + ".out").toFile())
            .redirectError(work.resolve(name + ".err").toFile());
    pb.environment().put("SWARMGRID_NO_BUILD", "1");
    pb.environment().putAll(env);
    return pb;
  }

  private Run run(Map<String, String> env, String name, String... args) throws Exception {
    Process p = script(env, name, args).start();
    started.add(p);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("./swarmgrid %s finished", name).isTrue();
    return new Run(p.exitValue(), read(name + ".out"), read(name + ".err"));
  }

  private String read(String file) throws IOException {
    return Files.readString(work.resolve(file));
  }

  @Test
  void help_version_unknownCommand() throws Exception {
    Run help = run(Map.of(), "help", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: swarmgrid", "demo", "member", "status", "nodes", "bench", "build", "test")
        .contains("Exit codes:");

    Run version = run(Map.of(), "version", "--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("swarmgrid " + SwarmGridVersion.get() + "\n");

    Run unknown = run(Map.of(), "unknown", "frob");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.errLines())
        .singleElement()
        .asString()
        .startsWith("swarmgrid: unknown command 'frob'; commands: demo, member, status");
  }

  @Test
  void member_mistypedConfigVariable_isRefusedInOneLine_exit2() throws Exception {
    Run r =
        run(
            Map.of("SWARMGRID_NODE_REGON", "eu-west"),
            "typo",
            "member",
            "--hazelcast",
            EXAMPLE + "hazelcast.yaml",
            "--swarmgrid",
            EXAMPLE + "swarmgrid-1.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("swarmgrid member: invalid SwarmGrid config SWARMGRID_NODE_REGON: 'eu-west'");
  }

  @Test
  void member_fromTheExampleFiles_serves_statusNamesAWrongCluster_sigtermStopsItGracefully()
      throws Exception {
    Path keys = work.resolve("keys");
    ProcessBuilder pb =
        script(
            // The example's key-file is relative to the working directory (the repository here).
            Map.of("SWARMGRID_NODE_KEY_FILE", keys + "/{node-id}.key"),
            "member",
            "member",
            "--hazelcast",
            EXAMPLE + "hazelcast.yaml",
            "--swarmgrid",
            EXAMPLE + "swarmgrid-1.yaml");
    Process member = pb.start();
    started.add(member);
    try {
      SwarmClientConfig config =
          new SwarmClientConfig("swarmgrid", List.of("127.0.0.1:5701"), 120_000);
      try (SwarmClient client = SwarmClient.connect(config)) {
        await()
            .atMost(Duration.ofMinutes(2))
            .until(
                () ->
                    client.activeNodes().stream()
                        .map(NodeInfo::nodeId)
                        .anyMatch("loopback-1"::equals));
      }
      assertThat(keys.resolve("loopback-1.key")).exists();

      // status defaults to the demo's cluster; this member's cluster is 'swarmgrid'.
      Run wrong = run(Map.of(), "status-default", "status", "--timeout", "5");
      assertThat(wrong.exitCode()).isEqualTo(1);
      assertThat(wrong.errLines())
          .containsExactly(
              "swarmgrid status: no cluster named 'swarmgrid-demo' at 127.0.0.1:5701: a member"
                  + " answers there but under another cluster name (wrong --cluster? the demo's"
                  + " is 'swarmgrid-demo')");

      Run nodes = run(Map.of(), "nodes", "nodes", "--cluster", "swarmgrid");
      assertThat(nodes.exitCode()).as(nodes.err()).isZero();
      assertThat(nodes.out()).containsPattern("loopback-1 +ACTIVE +eu-west +cloud");

      member.destroy(); // SIGTERM, to the JVM itself: the script execs java
      assertThat(member.waitFor(90, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      assertThat(member.exitValue()).as("the JVM's exit code for SIGTERM").isEqualTo(143);
      assertThat(read("member.err"))
          .contains("SwarmGrid node loopback-1 left the swarm")
          .doesNotContain("Exception");
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n--- member stderr:\n" + read("member.err"), e);
    }
  }
}
