package io.themewire.app;

import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** Options every command that touches stored state shares. */
final class CommonOptions {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder for the index, models and dead letters (default: ${DEFAULT-VALUE}).",
      defaultValue = "data")
  Path dataDir;

  @Option(
      names = "--taxonomy",
      paramLabel = "DIR",
      description = "Folder with themes.yaml and train/ (default: the bundled career taxonomy).")
  Path taxonomyDir;

  Wiring wiring() {
    return new Wiring(Settings.of(dataDir, taxonomyDir, System.getenv()), Clock.systemUTC());
  }
}
