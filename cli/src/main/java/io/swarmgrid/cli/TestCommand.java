package io.swarmgrid.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code swarmgrid test}: done by the {@code ./swarmgrid} script itself (it runs Maven). */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = "The whole test suite: unit, multi-member and process tests (mvn -B verify).")
final class TestCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalArgumentException(
        "test is run by the ./swarmgrid script (mvn -B verify), not by the jar");
  }
}
