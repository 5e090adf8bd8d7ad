package io.swarmgrid.deploy.cluster;

import io.swarmgrid.deploy.cluster.internal.ClusterStateFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code swarmgrid cluster}: a cluster of member processes on this machine. {@code start} writes
 * the cluster directory (configs, key files, logs, {@code cluster.json} with the pids); the other
 * subcommands find the cluster there.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "A local cluster of member processes (separate JVMs) on this machine.",
      "start, status, logs, stop, destroy; inject work, throw faults at it (chaos) and",
      "check that nothing was lost."
    },
    subcommands = {
      ClusterStartCommand.class,
      ClusterStatusCommand.class,
      ClusterLogsCommand.class,
      ClusterStopCommand.class,
      ClusterDestroyCommand.class,
      ClusterInjectCommand.class,
      ClusterChaosCommand.class
    })
public final class ClusterCommand implements Callable<Integer> {
  /** The default cluster directory, under the working directory. */
  public static final String DEFAULT_DIR = ".swarmgrid-cluster";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dir",
      scope = ScopeType.INHERIT,
      defaultValue = DEFAULT_DIR,
      paramLabel = "DIR",
      description = "The cluster directory (default: ${DEFAULT-VALUE}).")
  Path dir;

  /** The state file of the cluster in {@code --dir}. */
  ClusterStateFile stateFile() {
    return new ClusterStateFile(dir);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return 0;
  }
}
