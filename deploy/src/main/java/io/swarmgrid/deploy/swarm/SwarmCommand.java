package io.swarmgrid.deploy.swarm;

import picocli.CommandLine.Command;

/** {@code swarmgrid swarm ...}: swarm workloads on the grid. */
@Command(
    name = "swarm",
    mixinStandardHelpOptions = true,
    subcommands = {TspCommand.class},
    description = "Swarm workloads on the grid.")
public final class SwarmCommand {}
