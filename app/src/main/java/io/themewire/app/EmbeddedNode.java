package io.themewire.app;

import io.themewire.api.ApiServer;
import io.themewire.digest.briefing.BriefingSchedule;
import io.themewire.digest.briefing.DailyBriefingJob;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded process of {@code themewire run}: the polling loop of {@link EmbeddedRuntime} over
 * the configured sources (and those added through the API), the API with item intake and the source
 * registry, and the daily briefing job, until the process is stopped.
 */
final class EmbeddedNode {

  /** How long Ctrl-C waits for the current source, the index and the health file. */
  static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(EmbeddedNode.class);

  private EmbeddedNode() {}

  /** Polls and serves until the process is stopped; closes the runtime's wiring at the end. */
  static void pollAndServe(
      EmbeddedRuntime runtime,
      List<SourceConfig> sources,
      BriefingSchedule digest,
      String host,
      int port,
      PrintWriter out)
      throws IOException, InterruptedException {
    Wiring wiring = runtime.wiring();
    List<SourceConfig> all = new ArrayList<>(sources);
    for (String url :
        ApiSourceRegistry.read(wiring.settings().dataDir().resolve(ApiSourceRegistry.FILE))) {
      if (all.stream().noneMatch(s -> s.location().equals(url))) {
        all.add(new SourceConfig(url, null, null));
      }
    }
    EmbeddedRuntime.Polling polling = runtime.openPolling(all, new Random());
    ApiServer server;
    WalItemIntake intake;
    try {
      intake =
          new WalItemIntake(
              polling.index, wiring.lazyClassifier(), wiring.settings().dataDir(), wiring.clock());
      intake.replay();
    } catch (IOException | RuntimeException e) {
      polling.close();
      wiring.close();
      throw e;
    }
    try {
      PollSchedule schedule = polling.polling.schedule();
      ApiSourceRegistry registry =
          new ApiSourceRegistry(
              schedule, wiring.fetcher(), wiring.settings().dataDir(), wiring.clock());
      server =
          ApiServer.start(
              polling.index,
              ApiWiring.writable(ApiWiring.options(wiring, polling.index), wiring, intake)
                  .withSources(() -> ApiWiring.statuses(schedule.health()))
                  .withRegistry(registry, wiring.settings().apiKey()),
              host,
              port);
    } catch (RuntimeException e) {
      intake.close();
      polling.close();
      wiring.close();
      throw e;
    }
    // The daily briefing, into DATA/briefings/: the one due now at once, then on its schedule.
    DailyBriefingJob briefingJob =
        new DailyBriefingJob(wiring.briefings(polling.index), digest, wiring.clock()).start();
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
        briefingJob.close();
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
}
