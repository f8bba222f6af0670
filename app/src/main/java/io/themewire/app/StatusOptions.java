package io.themewire.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of a Kafka worker that serves its status ({@link StageStatusServer}): {@code
 * --metrics-port} and the {@code --host} it binds.
 */
final class StatusOptions {

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "With --kafka: serve /metrics (this stage's counts; see the README), /health and /ready"
              + " (503 with the reason while the worker cannot do its share) on this port; 0 picks"
              + " one.")
  Integer port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind with --metrics-port (default: ${DEFAULT-VALUE}).")
  String host;

  boolean enabled() {
    return port != null;
  }

  /** The port, checked; null when none was asked for. */
  Integer checkedPort(CommandSpec spec) {
    if (port != null) {
      PortOption.check(spec, port);
    }
    return port;
  }
}
