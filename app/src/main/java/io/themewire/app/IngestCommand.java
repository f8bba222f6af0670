package io.themewire.app;

import io.themewire.core.json.Topic;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.Outcome;
import io.themewire.ingest.source.IngestStage;
import io.themewire.ingest.source.SourceRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code themewire ingest --once}: raw items of feeds, pages and threads as JSON Lines. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch and parse feeds, article pages and discussion threads (files or http(s) URLs).",
      "With --once, prints the raw items as JSON Lines and publishes nothing.",
      "With --kafka and --once, publishes them to items.raw instead (idempotent, acks=all) and"
          + " prints one line per source and the number acknowledged.",
      "With --kafka and --config FILE (the sources list of a run config), runs as an ingest"
          + " worker until SIGTERM: the sources go into the compacted sources topic, and the"
          + " workers of one group share its partitions, each polling its sources on their"
          + " intervals, so no source is fetched twice and another worker spreads them.",
      "A source that cannot be read gets a one-line reason on stderr; the others still run,"
          + " and the exit status is 2."
    })
final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin KafkaOptions kafka;

  @Option(names = "--once", description = "Read each source once and print its items.")
  boolean once;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "With --kafka: poll the sources of this YAML config, shared with other workers.")
  Path config;

  @Option(
      names = "--acked",
      paramLabel = "FILE",
      description =
          "With --kafka: append the id of each item the broker acknowledged (acks=all) to FILE,"
              + " one a line, as the acknowledgement arrives (an audit trail for fault tests).")
  Path acked;

  @Mixin StatusOptions status;

  @Parameters(
      arity = "0..*",
      paramLabel = "SOURCE",
      description = "Feed, page or thread: a file or an http(s) URL.")
  List<String> sources;

  @Override
  public Integer call() throws InterruptedException {
    if (config != null) {
      if (!kafka.enabled()) {
        throw new ParameterException(
            spec.commandLine(), "--config needs --kafka (without Kafka, use `themewire run`)");
      }
      if (once || sources != null && !sources.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "give either --config or --once SOURCE..., not both");
      }
      Integer metricsPort = status.checkedPort(spec);
      RunConfig run = RunConfig.load(config);
      KafkaIngestNode.pollUntilStopped(
          new KafkaRuntime(common.wiring(), kafka.config(spec)),
          run.sources(),
          status.host,
          metricsPort,
          spec.commandLine().getOut());
      return 0;
    }
    if (status.enabled()) {
      throw new ParameterException(spec.commandLine(), "--metrics-port needs --kafka --config");
    }
    if (!once) {
      throw new ParameterException(spec.commandLine(), "ingest needs --once (or --kafka --config)");
    }
    if (sources == null || sources.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "ingest --once needs a SOURCE");
    }
    for (String s : sources) {
      if (!s.startsWith("http://") && !s.startsWith("https://")) {
        Inputs.requireFiles(List.of(Path.of(s)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (acked != null && !kafka.enabled()) {
      throw new ParameterException(spec.commandLine(), "--acked needs --kafka");
    }
    if (kafka.enabled()) {
      return publish(out, err);
    }
    int failures = 0;
    try (Wiring wiring = common.wiring()) {
      IngestStage stage = wiring.ingestStage((id, hash) -> false);
      for (String s : sources) {
        Outcome<RawItem> outcome = stage.process(new SourceRequest(s));
        if (outcome instanceof Outcome.Emitted<RawItem> emitted) {
          for (RawItem item : emitted.values()) {
            out.println(Topic.ITEMS_RAW.codec().encodeToString(item));
          }
        } else if (outcome instanceof Outcome.Failed<RawItem> failed) {
          failures++;
          err.println("themewire: " + failed.reason() + ": " + Main.firstLine(failed.message()));
        }
      }
    }
    out.flush();
    err.flush();
    return failures == 0 ? 0 : 2;
  }

  /** Reads each source once and publishes its items to items.raw. */
  private int publish(PrintWriter out, PrintWriter err) throws InterruptedException {
    try (Wiring wiring = common.wiring()) {
      return KafkaIngestNode.publishOnce(
          new KafkaRuntime(wiring, kafka.config(spec)), sources, acked, out, err);
    }
  }
}
