package io.swarmgrid.cli;

import io.swarmgrid.benchmarks.BenchCommand;
import io.swarmgrid.client.cli.CommandRunner;
import io.swarmgrid.client.cli.NodesCommand;
import io.swarmgrid.client.cli.StatusCommand;
import io.swarmgrid.client.cli.VersionProvider;
import io.swarmgrid.deploy.MemberCommand;
import io.swarmgrid.deploy.cluster.ClusterCommand;
import io.swarmgrid.deploy.demo.DemoCommand;
import io.swarmgrid.deploy.logs.LogsCommand;
import io.swarmgrid.deploy.swarm.SwarmCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ./swarmgrid}: the root of the command tree. A new subcommand is one class (a picocli
 * {@code @Command}, {@code Callable<Integer>}, with {@code mixinStandardHelpOptions}) and one line
 * in {@code subcommands} below; it throws {@link IllegalArgumentException} for bad input (exit 2)
 * and anything else for a failure (exit 1), and {@link CommandRunner} turns both into one line.
 */
@Command(
    name = "swarmgrid",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "SwarmGrid: a coordination layer for swarms of workers inside Hazelcast members.",
    subcommands = {
      DemoCommand.class,
      MemberCommand.class,
      StatusCommand.class,
      NodesCommand.class,
      BenchCommand.class,
      SwarmCommand.class,
      LogsCommand.class,
      ClusterCommand.class,
      BuildCommand.class,
      TestCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:it worked",
      "1:it failed (e.g. the cluster cannot be reached); one line on stderr says why",
      "2:usage error or bad input (unknown command or option, bad file or config)"
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  SWARMGRID_JAVA_OPTS  extra JVM flags, e.g. -Xmx2g",
      "  SWARMGRID_NO_BUILD   set: ./swarmgrid never runs Maven (the jar must exist)",
      "  SWARMGRID_CONFIG     swarmgrid.yaml for 'member' without --swarmgrid",
      "  SWARMGRID_<KEY>      one key of swarmgrid.yaml, e.g. SWARMGRID_NODE_REGION=eu",
      "%nRun './swarmgrid COMMAND --help' for a command's options."
    })
public final class SwarmGridCli implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = CommandRunner.VERBOSE,
      scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace too.")
  boolean verbose;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return CommandRunner.OK;
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    CommandRunner.exit(new SwarmGridCli(), args);
  }
}
