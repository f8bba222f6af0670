package io.themewire.app;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code themewire} command line. Exit codes: 0 success, 1 an internal failure, 2 bad arguments
 * or unusable input (with a one-line reason on stderr).
 */
public final class Main {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit code; tests call this. */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ThemewireCommand());
    cli.setParameterExceptionHandler(
        (ex, params) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("themewire: " + firstLine(ex.getMessage()) + " (see --help)");
          err.flush();
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof UserInputException) {
            err.println("themewire: " + firstLine(ex.getMessage()));
            err.flush();
            return 2;
          }
          err.println("themewire: internal error: " + firstLine(String.valueOf(ex)));
          log.error("{} failed", commandLine.getCommandName(), ex);
          err.flush();
          return 1;
        });
    return cli;
  }

  static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
