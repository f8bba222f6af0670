package io.themewire.app;

import io.themewire.ingest.schedule.SourceConfig;
import io.themewire.ingest.schedule.SourceHealth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code themewire run --config FILE}: the embedded pipeline over the configured sources, each
 * polled on its own interval, while serving the API. Source health is saved to {@code
 * DATA/sources.json} after every tick, so backoff and conditional-GET validators survive restarts;
 * {@code themewire sources} prints it.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Poll the sources of a YAML config on their intervals, classify and index what is new, and"
          + " serve the API (with /api/sources). Ctrl-C stops after the source being read;"
          + " what was read is indexed and saved first.",
      "Config keys: sources (a list of {url | path, interval, name}; paths relative to the config"
          + " file), port, host, data, digest ({time, zone}: when the daily briefing of the day"
          + " before is written into DATA/briefings/; default 07:00 UTC). Intervals: 90s, 30m, 1h,"
          + " 1d, 1h30m or PT30M; 1m to 7d, default 30m. Options given here win over the config.",
      "With --once, polls every source once, waits until its items are indexed, prints one line"
          + " per source and exits: 0 when every source was read, 2 when any failed."
    })
final class RunCommand implements Callable<Integer> {

  static final int DEFAULT_PORT = 8080;
  static final String DEFAULT_HOST = "127.0.0.1";

  /** The source health file, in the data folder. */
  static final String STATE_FILE = EmbeddedRuntime.STATE_FILE;

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The YAML config: sources, and optionally port, host, data.")
  Path configFile;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Folder for the index, models, dead letters and sources.json (default: the"
              + " config's data, else ./data).")
  Path dataDir;

  @Option(
      names = "--taxonomy",
      paramLabel = "DIR",
      description = "Folder with themes.yaml and train/ (default: the bundled career taxonomy).")
  Path taxonomyDir;

  @Option(
      names = "--port",
      description = "Port to serve on; 0 picks a free one (default: the config's port, else 8080).")
  Integer port;

  @Option(
      names = "--host",
      description = "Address to bind (default: the config's host, else 127.0.0.1).")
  String host;

  @Option(names = "--once", description = "Poll every source once, print a summary, and exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    RunConfig config = RunConfig.load(configFile);
    int servePort = port != null ? port : config.port() != null ? config.port() : DEFAULT_PORT;
    PortOption.check(spec, servePort);
    String bind = host != null ? host : config.host() != null ? config.host() : DEFAULT_HOST;
    Path data = dataDir != null ? dataDir : config.data();
    Settings settings = Settings.of(data, taxonomyDir, System.getenv());
    log.info(
        "run - {} sources from {}, data in {}{}",
        config.sources().size(),
        configFile,
        settings.dataDir(),
        once ? ", once" : ", serving on " + bind + ":" + servePort);
    Clock clock = Clock.systemUTC();
    PrintWriter out = spec.commandLine().getOut();
    if (once) {
      List<SourcePolling.Polled> results;
      try (Wiring wiring = new Wiring(settings, clock)) {
        results = pollOnce(wiring, config.sources(), new Random(), out);
      }
      long failed = results.stream().filter(SourcePolling.Polled::failed).count();
      if (failed > 0) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf("themewire: %d of %d sources failed%n", failed, results.size());
        err.flush();
        return 2;
      }
      return 0;
    }
    EmbeddedNode.pollAndServe(
        new EmbeddedRuntime(new Wiring(settings, clock)),
        config.sources(),
        config.digest(),
        bind,
        servePort,
        out);
    return 0;
  }

  /**
   * Polls every source once, waits until what they gave is indexed and committed, saves their
   * health to {@code DATA/sources.json}, and prints one line per source. Tests call this with a
   * {@link Wiring} of their own.
   */
  static List<SourcePolling.Polled> pollOnce(
      Wiring wiring, List<SourceConfig> sources, Random random, PrintWriter out)
      throws IOException, InterruptedException {
    EmbeddedRuntime.Once once = new EmbeddedRuntime(wiring).pollOnce(sources, random);
    for (SourcePolling.Polled p : once.results()) {
      out.println(summaryLine(p, once.schedule().health(p.location())));
    }
    out.flush();
    return once.results();
  }

  /** One line of the {@code --once} summary. */
  static String summaryLine(SourcePolling.Polled p, SourceHealth h) {
    if (p.failed()) {
      return String.format(
          "failed  %-18s %s - %s; next poll %s",
          p.code(), p.location(), Main.firstLine(p.message()), h.nextPoll());
    }
    String items = p.newItems() + (p.newItems() == 1 ? " new item" : " new items");
    return p.code().equals("skipped")
        ? String.format("ok      %-18s %s (%s)", items, p.location(), p.message())
        : String.format("ok      %-18s %s", items, p.location());
  }
}
