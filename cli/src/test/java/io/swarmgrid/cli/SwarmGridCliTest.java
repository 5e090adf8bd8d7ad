package io.swarmgrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.client.cli.CommandRunner;
import io.swarmgrid.config.SwarmGridVersion;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The {@code ./swarmgrid} command tree run in this JVM: help, version, exit codes, one-line errors.
 */
class SwarmGridCliTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(1);

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CommandRunner.commandLine(new SwarmGridCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Every command of the tree, as the words that name it ("status", ...). */
  static Stream<String> commands() {
    List<String> names = new ArrayList<>();
    collect(CommandRunner.commandLine(new SwarmGridCli()), names);
    return names.stream();
  }

  private static void collect(CommandLine cmd, List<String> names) {
    for (CommandLine sub : cmd.getSubcommands().values()) {
      names.add(sub.getCommandSpec().qualifiedName(" ").substring("swarmgrid ".length()));
      collect(sub, names);
    }
  }

  @Test
  void tree_hasTheBriefsCommands() {
    assertThat(commands())
        .contains("demo", "member", "status", "nodes", "bench", "build", "test", "help");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void help_onEveryCommand_printsItsUsage_exit0(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: swarmgrid " + command + " [-h");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void help_ofTheRoot_listsCommandsAndExitCodes() {
    Run r = run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("demo", "member", "status", "nodes", "bench", "build", "test")
        .contains("Exit codes:", "0   it worked", "1   it failed", "2   usage error");
  }

  @Test
  void version_isTheProjectVersion_onTheRootAndOnCommands() {
    assertThat(SwarmGridVersion.get()).isNotEqualTo("unknown");
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"status", "-V"})) {
      Run r = run(args);
      assertThat(r.exitCode()).isZero();
      assertThat(r.out())
          .as(String.join(" ", args) + " err=" + r.err())
          .contains("swarmgrid " + SwarmGridVersion.get(), "hazelcast 5.4.0");
    }
  }

  @Test
  void unknownCommand_oneLine_exit2() {
    Run r = run("frob");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("unknown command 'frob'", "commands: demo, member, status");
  }

  @Test
  void unknownOption_oneLine_exit2() {
    Run r = run("status", "--clutser", "x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("swarmgrid status: ").contains("--clutser");
  }

  @Test
  void badInput_isNamed_oneLine_exit2() {
    Run bench = run("bench", "nope");
    assertThat(bench.exitCode()).isEqualTo(2);
    assertThat(bench.errLines())
        .containsExactly(
            "swarmgrid bench: NAME: 'nope' is not a benchmark; benchmarks: registry, messaging,"
                + " consensus, recovery, replication, diffusion, assignment, balance-quality, workloads, swarm,"
                + " http,"
                + " learning,"
                + " propagation");
    Run member = run("member", "--hazelcast", "no/such/hazelcast.yaml");
    assertThat(member.exitCode()).isEqualTo(2);
    assertThat(member.errLines())
        .containsExactly(
            "swarmgrid member: --hazelcast: 'no/such/hazelcast.yaml' is not a readable file");
    Run timeout = run("status", "--timeout", "0");
    assertThat(timeout.exitCode()).isEqualTo(2);
    assertThat(timeout.err()).contains("--timeout: '0'");
  }

  @Test
  void status_wrongClusterName_saysSo_inOneLine_exit1_stackOnlyWhenVerbose() {
    String address = "127.0.0.1:" + EmbeddedCluster.BASE_PORT;
    Run r =
        run(
            "status",
            "--cluster",
            "not-" + cluster.clusterName(),
            "--address",
            address,
            "--timeout",
            "2");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines())
        .containsExactly(
            "swarmgrid status: no cluster named 'not-"
                + cluster.clusterName()
                + "' at "
                + address
                + ": a member answers there but under another cluster name (wrong --cluster?"
                + " the demo's is 'swarmgrid-demo')");

    Run verbose =
        run("status", "--cluster", "nobody", "--address", address, "--timeout", "1", "--verbose");
    assertThat(verbose.exitCode()).isEqualTo(1);
    assertThat(verbose.err()).contains("IllegalStateException", "\tat ");
  }

  @Test
  void status_rightCluster_exit0() {
    String address = "127.0.0.1:" + EmbeddedCluster.BASE_PORT;
    Run r = run("nodes", "--cluster", cluster.clusterName(), "--address", address);
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void status_nobodyThere_saysSo_exit1() {
    Run r =
        run(
            "status",
            "--address",
            "127.0.0.1:" + (EmbeddedCluster.BASE_PORT + 99),
            "--timeout",
            "1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("cannot reach cluster 'swarmgrid-demo'", "nothing answers at");
  }

  @Test
  void scriptLevelCommands_reachedInTheJar_sayWhereTheyRun_exit2() {
    Run r = run("build");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("run by the ./swarmgrid script");
  }
}
