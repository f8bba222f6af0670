package io.themewire.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The check every --port shares. */
final class PortOption {
  private PortOption() {}

  static void check(CommandSpec spec, int port) {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
    }
  }
}
