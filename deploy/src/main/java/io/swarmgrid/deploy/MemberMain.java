package io.swarmgrid.deploy;

import io.swarmgrid.client.cli.CommandRunner;
import io.swarmgrid.client.cli.VersionProvider;
import picocli.CommandLine;

/**
 * The member jar's entry point: {@code java -jar swarmgrid-member.jar --hazelcast hazelcast.yaml
 * [--swarmgrid swarmgrid.yaml]}, the same command as {@code ./swarmgrid member} (see {@link
 * MemberCommand}). Exit code 2 means bad arguments or config.
 */
public final class MemberMain {
  private MemberMain() {}

  /** Runs the member until it is shut down (SIGTERM shuts it down gracefully). */
  public static void main(String[] args) {
    CommandLine cli = CommandRunner.commandLine(new MemberCommand());
    cli.setCommandName("swarmgrid-member");
    cli.getCommandSpec().versionProvider(new VersionProvider());
    System.exit(cli.execute(args));
  }
}
