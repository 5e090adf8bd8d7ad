package io.swarmgrid.deploy.swarm;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code swarmgrid swarm ...}: swarm workloads on the grid. */
@Command(
    name = "swarm",
    mixinStandardHelpOptions = true,
    subcommands = {TspCommand.class},
    description = "Swarm workloads on the grid.")
public final class SwarmCommand {
  /** Runs {@code swarm} with its subcommands. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SwarmCommand()).execute(args));
  }
}
