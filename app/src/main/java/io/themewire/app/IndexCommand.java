package io.themewire.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code themewire index --kafka B --data DIR}: the index stage as its own process. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Read items.classified from Kafka into the index in DATA/index, keeping the consumed offsets"
          + " in the index's own commit (a restart goes on exactly where the last commit ended;"
          + " documents are upserted by id, so nothing is doubled).",
      "With --serve, also serves the API from the same process; /ready is 503 while the broker"
          + " is unreachable or the index is catching up. SIGTERM commits and stops."
    })
final class IndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--serve",
      paramLabel = "PORT",
      description = "Also serve the API on this port (0 picks a free one).")
  Integer serve;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind with --serve (default: ${DEFAULT-VALUE}).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    if (!kafka.enabled()) {
      throw new ParameterException(spec.commandLine(), "index needs --kafka HOST:PORT");
    }
    if (serve != null) {
      PortOption.check(spec, serve);
    }
    KafkaIndexNode.runUntilStopped(
        new KafkaRuntime(common.wiring(), kafka.config(spec)),
        host,
        serve,
        spec.commandLine().getOut());
    return 0;
  }
}
