package io.swarmgrid.client.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs a picocli command the SwarmGrid way: exit code 0 when it worked, 1 when it failed, 2 for a
 * usage error or bad input; every error is one line on stderr, {@code swarmgrid COMMAND: what went
 * wrong}, with the stack trace only under {@code --verbose}.
 */
public final class CommandRunner {
  /** The command did what it was asked. */
  public static final int OK = 0;

  /** The command ran and failed (e.g. the cluster cannot be reached). */
  public static final int FAILURE = 1;

  /** The command line or its input is wrong; nothing was started or changed. */
  public static final int USAGE = 2;

  /** The option that turns on stack traces. */
  public static final String VERBOSE = "--verbose";

  private CommandRunner() {}

  /** A command line for {@code command} with SwarmGrid's exit codes and one-line errors. */
  public static CommandLine commandLine(Object command) {
    CommandLine cli = new CommandLine(command);
    // Subcommands print the root's version for --version (picocli leaves theirs empty).
    IVersionProvider version = cli.getCommandSpec().versionProvider();
    if (version != null) {
      cli.getSubcommands().values().forEach(sub -> inheritVersion(sub, version));
    }
    cli.setParameterExceptionHandler(usageErrors());
    cli.setExecutionExceptionHandler(failures());
    return cli;
  }

  /** Runs {@code command} with {@code args} and exits the JVM with its exit code. */
  public static void exit(Object command, String[] args) {
    System.exit(commandLine(command).execute(args));
  }

  private static void inheritVersion(CommandLine cmd, IVersionProvider version) {
    if (cmd.getCommandSpec().versionProvider() == null
        && cmd.getCommandSpec().version().length == 0) {
      cmd.getCommandSpec().versionProvider(version);
    }
    cmd.getSubcommands().values().forEach(sub -> inheritVersion(sub, version));
  }

  private static int exitCode(Throwable t) {
    return t instanceof IllegalArgumentException || t instanceof ParameterException
        ? USAGE
        : FAILURE;
  }

  private static IParameterExceptionHandler usageErrors() {
    return (ParameterException e, String[] args) -> {
      CommandLine cmd = e.getCommandLine();
      String message = e.getMessage();
      if (e instanceof CommandLine.UnmatchedArgumentException u) {
        if (!cmd.getSubcommands().isEmpty()
            && !u.isUnknownOption()
            && !u.getUnmatched().isEmpty()) {
          message =
              "unknown command '"
                  + u.getUnmatched().get(0)
                  + "'; commands: "
                  + String.join(", ", cmd.getSubcommands().keySet());
        } else if (!u.getSuggestions().isEmpty()) {
          message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
      }
      cmd.getErr()
          .println(name(cmd) + ": " + oneLine(message) + " (see: " + name(cmd) + " --help)");
      cmd.getErr().flush();
      return USAGE;
    };
  }

  private static IExecutionExceptionHandler failures() {
    return (Exception e, CommandLine cmd, ParseResult parsed) -> {
      PrintWriter err = cmd.getErr();
      err.println(name(cmd) + ": " + oneLine(describe(e)));
      if (verbose(parsed)) {
        e.printStackTrace(err);
      }
      err.flush();
      return exitCode(e);
    };
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }

  private static String name(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName(" ");
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
