package io.themewire.app;

import io.themewire.kafka.broker.BrokerProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code themewire broker}: a single-node Kafka broker in the foreground, for development and
 * tests. The broker runs as a child JVM from the jars of the broker module, off this classpath.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Run a single-node Apache Kafka broker (KRaft) on 127.0.0.1 in the foreground, for"
          + " development and tests. Prints 'ready HOST:PORT' once it answers; SIGTERM or Ctrl-C"
          + " stops it.",
      "Its data stays in --dir, so a restart on the same folder keeps ports and topics; without"
          + " --dir a temporary folder is used and deleted on exit."
    })
final class BrokerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "9092",
      description = "Client port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Folder for the broker's config, log and data (default: a temporary folder).")
  Path dir;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PortOption.check(spec, port);
    boolean temporary = dir == null;
    Path work = temporary ? Files.createTempDirectory("themewire-broker-") : dir;
    BrokerProcess broker =
        BrokerProcess.start(
            BrokerProcess.defaultLib(), work, port, BrokerProcess.DEFAULT_START_TIMEOUT);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.stop();
                  if (temporary) {
                    BrokerProcess.deleteRecursively(work);
                  }
                },
                "tw-broker-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("ready " + broker.bootstrapServers());
    out.flush();
    int status = broker.waitFor();
    return status == 0 || status == 143 ? 0 : 1;
  }
}
