package io.themewire.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.themewire.api.ApiServer;
import io.themewire.api.ReadinessCheck;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.kafka.broker.BrokerProcess;
import io.themewire.kafka.stage.SinkRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index process over Kafka ({@code index --kafka}, {@code serve --kafka}): a replica of the
 * whole index built and followed from items.classified, optionally serving the API from the same
 * index. {@code /ready} is 503 while the broker is unreachable or the replica is catching up.
 * SIGTERM stops reading, commits index and offsets together, then stops serving.
 */
final class KafkaIndexNode {

  private static final Logger log = LoggerFactory.getLogger(KafkaIndexNode.class);

  static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private KafkaIndexNode() {}

  /** Runs until the process is stopped. {@code port} null means no API. */
  static void runUntilStopped(KafkaRuntime kafka, String host, Integer port, PrintWriter out)
      throws InterruptedException {
    Wiring wiring = kafka.wiring();
    Path dir = wiring.settings().dataDir().resolve("index");
    LuceneArticleIndex index = wiring.openIndex();
    SinkRunner<ClassifiedItem> runner = kafka.indexer(index, wiring.meters(), false);
    // The broker may not answer yet (started together, or restarting): the API serves meanwhile,
    // /ready saying why not, and the reader starts once the topics are there.
    AtomicReference<String> noTopics = new AtomicReference<>();
    AtomicBoolean reading = new AtomicBoolean();
    Thread loop =
        new Thread(
            () -> {
              try {
                kafka.ensureTopics(KafkaRuntime.BROKER_PATIENCE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              } catch (UserInputException e) {
                noTopics.set(e.getMessage());
                log.error("index - not reading: {}", e.getMessage());
                return;
              }
              reading.set(true);
              runner.run();
            },
            "tw-index-kafka");
    loop.start();
    ReadinessCheck readiness =
        () ->
            noTopics.get() != null
                ? Optional.of("kafka: " + noTopics.get())
                : runner.notReadyReason();
    ApiServer server = null;
    if (port != null) {
      try {
        server =
            ApiServer.start(
                index.reader(),
                ApiWiring.options(wiring, index.reader()).withReadiness(readiness),
                host,
                port);
      } catch (RuntimeException e) {
        runner.stop();
        loop.join(STOP_GRACE.toMillis());
        closeQuietly(index);
        throw e;
      }
    }
    ApiServer api = server;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runner.stop();
                  if (!reading.get()) {
                    loop.interrupt(); // still waiting for the broker
                  }
                  try {
                    loop.join(STOP_GRACE.toMillis());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  if (api != null) {
                    api.close();
                  }
                  closeQuietly(index);
                  stopped.countDown();
                },
                "tw-shutdown"));
    out.printf("indexing %s into %s%n", kafka.config().topics().classified(), dir.toAbsolutePath());
    if (api != null) {
      out.printf(
          "serving on http://%s:%d/  (/ready says when the replica has caught up; Ctrl-C stops)%n",
          host.equals("0.0.0.0") ? "localhost" : host, api.port());
    }
    out.flush();
    loop.join();
    if (runner.failure().isPresent()) {
      log.error("index - the Kafka reader stopped: {}", runner.failure().get());
    }
    stopped.await();
  }

  /**
   * Builds a fresh index from items.classified into {@code DATA/index.rebuild}, and swaps it in for
   * {@code DATA/index} once it has read the whole log. Returns the number of items.
   */
  static long rebuild(KafkaRuntime kafka) throws IOException {
    kafka.ensureTopics();
    Path data = kafka.wiring().settings().dataDir();
    Path fresh = data.resolve("index.rebuild");
    BrokerProcess.deleteRecursively(fresh);
    long count;
    try (LuceneArticleIndex index = LuceneArticleIndex.open(fresh)) {
      SinkRunner<ClassifiedItem> runner =
          kafka.indexer(index, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), true);
      runner.run();
      if (runner.failure().isPresent()) {
        throw new UserInputException("rebuild failed: " + runner.failure().get());
      }
      count = index.count();
    }
    Path live = data.resolve("index");
    Path old = data.resolve("index.old");
    BrokerProcess.deleteRecursively(old);
    if (Files.exists(live)) {
      Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(fresh, live, StandardCopyOption.ATOMIC_MOVE);
    BrokerProcess.deleteRecursively(old);
    return count;
  }

  private static void closeQuietly(LuceneArticleIndex index) {
    try {
      index.close();
    } catch (Exception e) {
      log.error("index close failed: {}", e.toString());
    }
  }
}
