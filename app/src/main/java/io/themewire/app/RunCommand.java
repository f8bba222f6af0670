package io.themewire.app;

import io.themewire.api.ApiServer;
import io.themewire.api.SourceStatus;
import io.themewire.classify.theme.ClassifyStage;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.DeadLetterSink;
import io.themewire.core.stage.EmbeddedRunner;
import io.themewire.core.stage.JsonlDeadLetterLog;
import io.themewire.index.ArticleIndex;
import io.themewire.index.IndexStage;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceConfig;
import io.themewire.ingest.schedule.SourceHealth;
import io.themewire.ingest.source.IngestStage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
          + " file), port, host, data. Intervals: 90s, 30m, 1h, 1d, 1h30m or PT30M; 1m to 7d,"
          + " default 30m. Options given here win over the config.",
      "With --once, polls every source once, waits until its items are indexed, prints one line"
          + " per source and exits: 0 when every source was read, 2 when any failed."
    })
final class RunCommand implements Callable<Integer> {

  static final int DEFAULT_PORT = 8080;
  static final String DEFAULT_HOST = "127.0.0.1";

  /** The source health file, in the data folder. */
  static final String STATE_FILE = "sources.json";

  /** How long Ctrl-C waits for the current source, the index and the health file. */
  static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);

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
        results = pollOnce(wiring, config.sources(), clock, new Random(), out);
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
    serveAndPoll(new Wiring(settings, clock), config.sources(), bind, servePort, clock, out);
    return 0;
  }

  /**
   * Polls every source once, waits until what they gave is indexed and committed, saves their
   * health to {@code DATA/sources.json}, and prints one line per source. Tests call this with a
   * {@link Wiring} of their own.
   */
  static List<SourcePolling.Polled> pollOnce(
      Wiring wiring, List<SourceConfig> sources, Clock clock, Random random, PrintWriter out)
      throws IOException, InterruptedException {
    List<SourcePolling.Polled> results;
    PollSchedule schedule;
    try (Polling polling = Polling.open(wiring, sources, clock, random)) {
      results = polling.polling.pollAll();
      schedule = polling.polling.schedule();
    }
    for (SourcePolling.Polled p : results) {
      out.println(summaryLine(p, schedule.health(p.location())));
    }
    out.flush();
    return results;
  }

  private static void serveAndPoll(
      Wiring wiring,
      List<SourceConfig> sources,
      String host,
      int port,
      Clock clock,
      PrintWriter out)
      throws IOException, InterruptedException {
    List<SourceConfig> all = new java.util.ArrayList<>(sources);
    for (String url :
        ApiSourceRegistry.read(wiring.settings().dataDir().resolve(ApiSourceRegistry.FILE))) {
      if (all.stream().noneMatch(s -> s.location().equals(url))) {
        all.add(new SourceConfig(url, null, null));
      }
    }
    Polling polling = Polling.open(wiring, all, clock, new Random());
    ApiServer server;
    WalItemIntake intake;
    try {
      intake =
          new WalItemIntake(
              polling.index, wiring.lazyClassifier(), wiring.settings().dataDir(), clock);
      intake.replay();
    } catch (IOException | RuntimeException e) {
      polling.close();
      wiring.close();
      throw e;
    }
    try {
      PollSchedule schedule = polling.polling.schedule();
      ApiSourceRegistry registry =
          new ApiSourceRegistry(schedule, wiring.fetcher(), wiring.settings().dataDir(), clock);
      server =
          ApiServer.start(
              polling.index,
              ApiWiring.writable(ApiWiring.options(wiring, polling.index), wiring, intake)
                  .withSources(() -> statuses(schedule.health()))
                  .withRegistry(registry, wiring.settings().apiKey()),
              host,
              port);
    } catch (RuntimeException e) {
      intake.close();
      polling.close();
      wiring.close();
      throw e;
    }
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  polling.polling.stop();
                  try {
                    if (!done.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                      log.error(
                          "run - not stopped within {}; items not yet indexed will be fetched"
                              + " again on the next start",
                          SHUTDOWN_GRACE);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "tw-shutdown"));
    out.printf(
        "polling %d sources, serving on http://%s:%d/  (try /api/sources; Ctrl-C stops)%n",
        sources.size(), host.equals("0.0.0.0") ? "localhost" : host, server.port());
    out.flush();
    try {
      polling.polling.run(polling.polling::awaitStop);
    } finally {
      try {
        server.close();
        intake.close();
      } finally {
        try {
          polling.close();
        } finally {
          wiring.close();
          done.countDown();
        }
      }
    }
  }

  /** The classify and index stages, fed with items the polling loop read. */
  static EmbeddedRunner<RawItem> classifyAndIndex(
      Wiring wiring, ArticleIndex index, DeadLetterSink deadLetters, Clock clock) {
    return EmbeddedRunner.<RawItem>builder()
        .then(new ClassifyStage(wiring.lazyClassifier()), Wiring.CLASSIFY_WORKERS)
        .then(new IndexStage(index, clock, IndexStage.DEFAULT_COMMIT_INTERVAL), 1)
        .deadLetters(deadLetters)
        .clock(clock)
        .build();
  }

  /** The source health as the API shows it. */
  static List<SourceStatus> statuses(List<SourceHealth> health) {
    return health.stream().map(RunCommand::status).toList();
  }

  static SourceStatus status(SourceHealth h) {
    SourceHealth.LastError e = h.lastError();
    return new SourceStatus(
        h.location(),
        h.name(),
        h.lastSuccess(),
        e == null ? null : new SourceStatus.LastError(e.reason(), e.message(), e.at()),
        h.itemsSeen(),
        h.consecutiveFailures(),
        h.nextPoll());
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

  /** The schedule's state file, or a fresh schedule when it cannot be read. */
  static PollSchedule loadSchedule(
      Path stateFile, List<SourceConfig> sources, Instant now, Random random) {
    try {
      return PollSchedule.load(stateFile, sources, now, random);
    } catch (IOException e) {
      log.warn("{}; starting with fresh source health, saved over it", e.getMessage());
      return new PollSchedule(sources, now, random);
    }
  }

  /** Everything a polling run holds open, closed in dependency order. */
  private static final class Polling implements AutoCloseable {
    final LuceneArticleIndex index;
    final JsonlDeadLetterLog deadLetters;
    final EmbeddedRunner<RawItem> downstream;
    final SourcePolling polling;

    private Polling(
        LuceneArticleIndex index,
        JsonlDeadLetterLog deadLetters,
        EmbeddedRunner<RawItem> downstream,
        SourcePolling polling) {
      this.index = index;
      this.deadLetters = deadLetters;
      this.downstream = downstream;
      this.polling = polling;
    }

    static Polling open(Wiring wiring, List<SourceConfig> sources, Clock clock, Random random)
        throws IOException {
      Path stateFile = wiring.settings().dataDir().resolve(STATE_FILE);
      PollSchedule schedule = loadSchedule(stateFile, sources, clock.instant(), random);
      IngestStage ingest;
      LuceneArticleIndex index = wiring.openIndex();
      JsonlDeadLetterLog deadLetters;
      try {
        ingest = wiring.ingestStage(index);
        deadLetters = wiring.deadLetterLog();
      } catch (RuntimeException e) {
        index.close();
        throw e;
      }
      EmbeddedRunner<RawItem> downstream = classifyAndIndex(wiring, index, deadLetters, clock);
      SourcePolling polling =
          new SourcePolling(
              schedule, ingest::process, downstream, index::commit, deadLetters, clock, stateFile);
      return new Polling(index, deadLetters, downstream, polling);
    }

    /** Drains and commits what is in flight, saves the health, closes the log and the index. */
    @Override
    public void close() throws IOException, InterruptedException {
      try {
        downstream.close();
        polling.save();
      } finally {
        try {
          deadLetters.close();
        } finally {
          index.close();
        }
      }
    }
  }
}
