package io.themewire.app;

import io.themewire.index.lucene.LuceneArticleReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code themewire serve}: the HTTP API over the index in the data folder. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the HTTP API over the index in the data folder.",
      "With --kafka, the node builds and follows its own index replica in DATA/index from"
          + " items.classified (so API nodes scale out too); /ready is 503 until it has caught up"
          + " and while the broker is unreachable."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    PortOption.check(spec, port);
    Wiring wiring = common.wiring();
    if (kafka.enabled()) {
      KafkaIndexNode.runUntilStopped(
          new KafkaRuntime(wiring, kafka.config(spec)), host, port, spec.commandLine().getOut());
      return 0;
    }
    LuceneArticleReader index = new EmbeddedRuntime(wiring).openReader();
    Serving.serveUntilStopped(wiring, index, host, port, spec.commandLine().getOut());
    return 0;
  }
}
