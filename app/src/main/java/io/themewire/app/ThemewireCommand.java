package io.themewire.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: lists the subcommands. */
@Command(
    name = "themewire",
    mixinStandardHelpOptions = true,
    version = "themewire 0.1.0",
    description = "Ingest, classify, index and serve writing about engineering careers.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      ExtractCommand.class,
      IngestCommand.class,
      ClassifyCommand.class,
      StoriesCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      ReclassifyCommand.class,
      RunCommand.class,
      SourcesCommand.class,
      BrokerCommand.class,
      DigestCommand.class
    })
final class ThemewireCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
