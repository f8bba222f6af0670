package io.themewire.app;

import io.themewire.core.message.RawItem;
import io.themewire.core.stage.Outcome;
import io.themewire.ingest.schedule.SourceConfig;
import io.themewire.ingest.source.IngestStage;
import io.themewire.ingest.source.SourceRequest;
import io.themewire.kafka.stage.ItemPublisher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The ingest process over Kafka ({@code ingest --kafka}): sources read into items.raw, once, or on
 * their schedules shared with the other ingest workers ({@link KafkaSourceWorker}).
 */
final class KafkaIngestNode {

  private KafkaIngestNode() {}

  /**
   * Reads each source once and publishes its items to items.raw, printing one line per source and
   * the number acknowledged. With {@code acked}, appends the id of each acknowledged item to that
   * file. Returns 0 when every source was read and every item acknowledged, else 2.
   */
  static int publishOnce(
      KafkaRuntime runtime, List<String> sources, Path acked, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    int failures = 0;
    // Started while the broker restarts, it waits for it rather than failing the run.
    runtime.ensureTopics(KafkaRuntime.BROKER_PATIENCE);
    IngestStage stage = runtime.wiring().ingestStage((id, hash) -> false);
    try (ItemPublisher publisher = runtime.publisher();
        AckLog ackLog = AckLog.open(acked)) {
      List<CompletableFuture<?>> sent = new ArrayList<>();
      for (String s : sources) {
        Outcome<RawItem> outcome = stage.process(new SourceRequest(s));
        if (outcome instanceof Outcome.Emitted<RawItem> emitted) {
          for (RawItem item : emitted.values()) {
            sent.add(publisher.publish(item).thenRun(() -> ackLog.record(item.id())));
          }
          out.printf("ok      %d items  %s%n", emitted.values().size(), s);
        } else if (outcome instanceof Outcome.Failed<RawItem> failed) {
          failures++;
          err.println("themewire: " + failed.reason() + ": " + Main.firstLine(failed.message()));
        } else {
          out.printf("ok      0 items  %s (%s)%n", s, outcome.code());
        }
      }
      publisher.flush();
      for (var f : sent) {
        try {
          f.join();
        } catch (CompletionException e) {
          // counted by the publisher
        }
      }
      out.printf(
          "published %d items to %s (%d acknowledged, %d failed)%n",
          sent.size(),
          runtime.config().topics().raw(),
          publisher.acknowledged(),
          publisher.failed());
      if (publisher.failed() > 0) {
        failures++;
      }
    }
    out.flush();
    err.flush();
    return failures == 0 ? 0 : 2;
  }

  /**
   * Puts the configured sources into the sources topic, then polls this worker's share of them
   * (with the other workers of the group) until the process is stopped. With {@code metricsPort} it
   * serves /metrics, /health and /ready on it.
   */
  static void pollUntilStopped(
      KafkaRuntime runtime,
      List<SourceConfig> sources,
      String host,
      Integer metricsPort,
      PrintWriter out)
      throws InterruptedException {
    runtime.ensureTopics();
    KafkaSourceWorker.announce(runtime.config(), sources);
    KafkaSourceWorker worker = runtime.sourceWorker();
    StageStatusServer status =
        StageStatusServer.startIfAsked(
            host, metricsPort, runtime.wiring().meters(), worker::notReadyReason, out);
    Thread loop = new Thread(worker, "tw-ingest-kafka");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.stop();
                  try {
                    loop.join(KafkaIndexNode.STOP_GRACE.toMillis());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  if (status != null) {
                    status.close();
                  }
                },
                "tw-shutdown"));
    loop.start();
    out.printf(
        "polling the sources of %s (%d from the config) into %s as group %s%n",
        runtime.config().topics().sources(),
        sources.size(),
        runtime.config().topics().raw(),
        runtime.ingestGroup());
    out.flush();
    loop.join();
    runtime.wiring().close();
  }
}
