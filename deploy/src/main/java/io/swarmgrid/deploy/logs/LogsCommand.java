package io.swarmgrid.deploy.logs;

import picocli.CommandLine.Command;

/**
 * {@code swarmgrid logs ...}: look at log files on this machine (no cluster needed). Hang it on the
 * {@code swarmgrid} command tree as a subcommand.
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    subcommands = {LogTemplatesCommand.class, LogAnomaliesCommand.class},
    description = "Looks at log files: templates, anomalies.")
public final class LogsCommand {}
