package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.kafka.KafkaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample corpus through separate ingest, classify and index processes over a real broker (child
 * process here, or KAFKA_BOOTSTRAP_SERVERS in CI): every item ingest published is searchable
 * exactly once, and a second classify worker that joins mid-run takes over partitions with nothing
 * lost or doubled.
 */
class KafkaPipelineIT {

  static final Path SAMPLES = Path.of("..", "samples");

  @TempDir Path dir;

  // RELIABILITY row 42
  @Test
  void samples_throughSeparateProcesses_everyItemSearchableOnce_withASecondWorkerJoiningMidRun()
      throws Exception {
    KafkaConfig config = TestBroker.freshConfig();
    Path classifyData = dir.resolve("classify");
    Path indexData = dir.resolve("index");
    Path log = dir.resolve("processes.log");
    String[] kafka = {
      "--kafka",
      config.bootstrapServers(),
      "--topic-prefix",
      config.topics().prefix(),
      "--partitions",
      "6"
    };
    // The model is trained once; both workers load it from the shared data folder.
    assertThat(CliTest.run("train", "--data", classifyData.toString()).code()).isZero();

    List<String> files = new ArrayList<>();
    for (Path f : DemoCommand.sampleFiles(SAMPLES)) {
      files.add(f.toString());
    }
    try (AppProcess index =
            AppProcess.start(
                "index",
                log,
                "-Xmx768m",
                KafkaIt.args(kafka, "index", "--data", indexData.toString(), "--serve", "0"));
        AppProcess ingest =
            AppProcess.start(
                "ingest",
                log,
                "-Xmx768m",
                KafkaIt.args(kafka, KafkaIt.concat(new String[] {"ingest", "--once"}, files)))) {
      assertThat(ingest.await(Duration.ofMinutes(3))).isIn(0, 2);
      String published = ingest.awaitLine(l -> l.startsWith("published "), Duration.ofSeconds(5));
      int port = KafkaIt.servingPort(index);

      List<RawItem> raw = KafkaIt.readAll(config, config.topics().raw(), KafkaRuntime.RAW);
      Set<ItemId> rawIds = new HashSet<>();
      raw.forEach(r -> rawIds.add(r.id()));
      assertThat(published).startsWith("published " + raw.size() + " items");
      assertThat(rawIds.size()).isGreaterThanOrEqualTo(150);

      try (AppProcess first =
          AppProcess.start(
              "classify-1",
              dir.resolve("classify-1.log"),
              "-Xmx1500m",
              KafkaIt.args(kafka, "classify", "--data", classifyData.toString()))) {
        // The second worker joins once the first is well under way.
        KafkaIt.awaitTotal(port, n -> n >= 30, Duration.ofMinutes(5));
        long before = KafkaIt.total(port);
        try (AppProcess second =
            AppProcess.start(
                "classify-2",
                dir.resolve("classify-2.log"),
                "-Xmx1500m",
                KafkaIt.args(kafka, "classify", "--data", classifyData.toString()))) {
          second.awaitLine(l -> l.startsWith("classifying "), Duration.ofMinutes(3));
          assertThat(before).isLessThan(rawIds.size());
          List<ClassifiedItem> classified =
              KafkaIt.awaitClassified(config, rawIds, Duration.ofMinutes(8));
          // Nothing doubled: each id written once to items.classified (no batch was replayed).
          Map<ItemId, Integer> writes = new HashMap<>();
          classified.forEach(c -> writes.merge(c.id(), 1, Integer::sum));
          Map<ItemId, Integer> reads = new HashMap<>();
          raw.forEach(r -> reads.merge(r.id(), 1, Integer::sum));
          assertThat(writes).isEqualTo(reads);
          // The newcomer took partitions over from the first worker and did some of the work.
          // (Joining takes a rebalance; wait for it, bounded.)
          long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
          java.util.regex.Pattern assigned =
              java.util.regex.Pattern.compile("partitions assigned: \\[.+\\]");
          while (!assigned
                  .matcher(java.nio.file.Files.readString(dir.resolve("classify-2.log")))
                  .find()
              && System.nanoTime() < until) {
            Thread.sleep(200);
          }
          assertThat(java.nio.file.Files.readString(dir.resolve("classify-2.log")))
              .containsPattern(assigned);
          assertThat(second.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
        assertThat(first.terminate(Duration.ofSeconds(60))).isIn(0, 143);
      }
      KafkaIt.awaitReady(port, Duration.ofMinutes(2));
      KafkaIt.awaitLagZero(port, Duration.ofMinutes(2));
      String metrics = KafkaIt.get(port, "/metrics").body();
      assertThat(metrics).contains("stage_records_total{outcome=\"emitted\",stage=\"index\"}");
      assertThat(metrics).contains("kafka_consumer_lag{stage=\"index\"} 0.0");
      assertThat(index.terminate(Duration.ofSeconds(60))).isIn(0, 143);
    }
    // Every published item is searchable exactly once: under its own id, or (a near-copy of
    // another story) listed at the one document that carries it.
    try (LuceneArticleIndex idx = LuceneArticleIndex.open(indexData.resolve("index"))) {
      KafkaIt.assertEachSearchableOnce(
          idx, KafkaIt.readAll(config, config.topics().raw(), KafkaRuntime.RAW));
    }
  }
}
