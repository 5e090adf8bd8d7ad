package io.swarmgrid.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code swarmgrid build}: done by the {@code ./swarmgrid} script itself (Maven must run before
 * this jar exists); listed here so that the help shows it.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Rebuilds the jars with Maven, tests skipped (mvn -B -q -DskipTests install).")
final class BuildCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalArgumentException(
        "build is run by the ./swarmgrid script (mvn -B -q -DskipTests install), not by the jar");
  }
}
