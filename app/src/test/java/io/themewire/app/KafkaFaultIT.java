package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import io.themewire.kafka.stage.DeadLetterRecords;
import io.themewire.kafka.stage.HaltPoints;
import io.themewire.testkit.SyntheticCorpus;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault test of the Kafka mode (run by {@code -Pfaults}): a few thousand generated items go
 * through separate {@code ingest --kafka}, {@code classify --kafka} (2 workers) and {@code index
 * --kafka --serve} processes over a broker of the test's own ({@code themewire broker}), while the
 * index process and the classify workers are killed (-9) at random points, seeded, and halted at
 * fixed points (right after the Lucene commit, right before it, inside an open transaction), and
 * the broker is stopped and restarted mid-run. Then the whole history is checked: every item that
 * ingest had acknowledged is in items.raw, is written once to items.classified, and is searchable
 * exactly once in the index, or sits in items.dead with a reason; {@code /ready} said 503 {@code
 * kafka: down} while the broker was away (and before it was there at all), {@code /health} 200.
 *
 * <p>The counts are printed as {@code KafkaFaultIT summary: ...} and kept, with every process's
 * log, in {@code app/target/kafka-fault/}. {@code -Dthemewire.fault.seed=N} repeats a run.
 */
class KafkaFaultIT {

  static final int FEEDS = 12;
  static final int PER_FEED = 200;

  /** Time between two ingest runs: the feed goes on through the whole fault schedule. */
  static final Duration FEED_EVERY = Duration.ofSeconds(9);

  static final Path RUNS = Path.of("target", "kafka-fault");

  private final List<AppProcess> started = new CopyOnWriteArrayList<>();
  private volatile AppProcess broker;
  private Thread feeder;

  private Path dir;
  private String[] kafka;
  private Path indexData;
  private Path classifyData;
  private int indexPort;
  private int brokerPort;
  private int serial;

  @AfterEach
  void stopEverything() throws Exception {
    if (feeder != null) {
      feeder.interrupt();
      feeder.join(10_000);
    }
    for (AppProcess p : started) {
      if (p != broker && p.isAlive()) {
        p.killTree();
      }
    }
    AppProcess b = broker;
    if (b != null && b.isAlive()) {
      try {
        b.terminate(Duration.ofSeconds(60)); // the command stops the broker JVM it started
      } catch (AssertionError e) {
        b.killTree();
      }
    }
    for (AppProcess p : started) {
      if (p.isAlive()) {
        p.killTree();
      }
    }
  }

  // RELIABILITY rows 36, 37, 40
  @Test
  @Timeout(value = 9, unit = TimeUnit.MINUTES)
  void killsAndABrokerRestartMidRun_loseNothingAcknowledged_andDoubleNothing() throws Exception {
    long seed = Long.getLong("themewire.fault.seed", System.nanoTime() % 100_000);
    Random rnd = new Random(seed);
    long t0 = System.nanoTime();
    dir = RUNS.resolve("run-" + System.currentTimeMillis()).toAbsolutePath();
    Files.createDirectories(dir);
    indexData = dir.resolve("index-data");
    classifyData = dir.resolve("classify-data");
    Path acked = dir.resolve("acked.txt");
    brokerPort = freePort();
    indexPort = freePort();
    KafkaConfig config = new KafkaConfig("127.0.0.1:" + brokerPort, new KafkaTopics("fault."), 6);
    kafka =
        new String[] {
          "--kafka",
          config.bootstrapServers(),
          "--topic-prefix",
          config.topics().prefix(),
          "--partitions",
          "6"
        };
    List<Path> feeds = writeFeeds(dir.resolve("feeds"), seed);
    Counts n = new Counts();

    // Broker down at start: the index node serves, /ready 503 with the reason, /health 200.
    AppProcess index = startIndex(Map.of());
    assertThat(CliTest.run("train", "--data", classifyData.toString()).code()).isZero();
    String down = awaitNotReady(indexPort, "kafka: down", Duration.ofSeconds(60));
    assertThat(KafkaIt.get(indexPort, "/health").statusCode()).isEqualTo(200);
    startBroker();
    AppProcess worker1 = startWorker(Map.of());
    AppProcess worker2 = startWorker(Map.of());
    int worker2Metrics = metricsPort(worker2);
    worker1.awaitLine(l -> l.startsWith("classifying "), Duration.ofMinutes(2));
    worker2.awaitLine(l -> l.startsWith("classifying "), Duration.ofMinutes(2));
    KafkaIt.awaitReady(indexPort, Duration.ofMinutes(1));

    List<AppProcess> ingests = new CopyOnWriteArrayList<>();
    // The last feed is held back for the outage, so one ingest run meets it whatever the timing.
    Path duringOutage = feeds.get(feeds.size() - 1);
    List<Path> fed = feeds.subList(0, feeds.size() - 1);
    feeder = new Thread(() -> feed(fed, acked, ingests), "test-feeder");
    feeder.start();

    // A: a classify worker killed at a random point.
    pause(rnd, 3_000, 7_000);
    worker1.kill();
    n.workerKills++;
    worker1 = startWorker(Map.of());

    // B (row 36): the index killed at a random point, then halted right after a Lucene commit
    // (documents and offsets durable together; nothing after it done).
    pause(rnd, 2_000, 6_000);
    index.kill();
    n.indexKills++;
    assertCleanIndex();
    index = startIndex(Map.of(HaltPoints.VARIABLE, "sink-after-commit:1"));
    awaitHalt(index, "sink-after-commit");
    n.indexHalts++;
    assertCleanIndex();
    index = startIndex(Map.of());

    // C: a classify worker killed at random, then halted inside an open transaction (outputs and
    // offsets sent, not committed).
    pause(rnd, 2_000, 5_000);
    worker2.kill();
    n.workerKills++;
    worker2 =
        startWorker(Map.of(HaltPoints.VARIABLE, "transform-before-commit:" + (1 + rnd.nextInt(3))));
    awaitHalt(worker2, "transform-before-commit");
    n.workerHalts++;
    worker2 = startWorker(Map.of());
    worker2Metrics = metricsPort(worker2);

    // D (row 40): the broker stopped mid-run and started again. Ingest runs go on starting every
    // few seconds: one publishing when it stops retries, one started meanwhile waits for it.
    worker2.awaitLine(l -> l.startsWith("classifying "), Duration.ofMinutes(2));
    pause(rnd, 2_000, 5_000);
    long outage = System.nanoTime();
    assertThat(broker.terminate(Duration.ofSeconds(60))).isIn(0, 143);
    String midRun = awaitNotReady(indexPort, "kafka: down", Duration.ofSeconds(30));
    assertThat(KafkaIt.get(indexPort, "/health").statusCode()).isEqualTo(200);
    String workerDown = awaitNotReady(worker2Metrics, "kafka: down", Duration.ofSeconds(30));
    AppProcess outageIngest = startIngest(acked, duringOutage);
    ingests.add(outageIngest);
    pause(rnd, 1_000, 3_000);
    assertThat(outageIngest.isAlive())
        .as("an ingest run started while the broker is down waits for it")
        .isTrue();
    n.ingestsThroughOutage = (int) ingests.stream().filter(AppProcess::isAlive).count();
    startBroker();
    n.brokerRestarts++;
    n.outageMillis = (System.nanoTime() - outage) / 1_000_000;

    // E (row 37): the index killed at random, then halted after a poll, before the Lucene commit.
    pause(rnd, 3_000, 6_000);
    index.kill();
    n.indexKills++;
    assertCleanIndex();
    index = startIndex(Map.of(HaltPoints.VARIABLE, "sink-before-commit:1"));
    awaitHalt(index, "sink-before-commit");
    n.indexHalts++;
    assertCleanIndex();
    index = startIndex(Map.of());

    // F: a worker and the index killed together at a random point.
    pause(rnd, 2_000, 5_000);
    worker1.kill();
    index.kill();
    n.workerKills++;
    n.indexKills++;
    assertCleanIndex();
    worker1 = startWorker(Map.of());
    index = startIndex(Map.of());

    feeder.join(Duration.ofMinutes(3).toMillis());
    assertThat(feeder.isAlive()).as("the feeder finished").isFalse();
    for (AppProcess ingest : ingests) {
      assertThat(ingest.await(Duration.ofMinutes(2)))
          .as("ingest exit status (producers retry through the outage)")
          .isZero();
    }

    // The whole history.
    Set<ItemId> acknowledged = new HashSet<>();
    for (String line : Files.readAllLines(acked)) {
      if (!line.isBlank()) {
        acknowledged.add(ItemId.parse(line.strip()));
      }
    }
    n.items = acknowledged.size();
    assertThat(n.items).as("items acknowledged").isEqualTo(FEEDS * PER_FEED);
    List<RawItem> raw = KafkaIt.readAll(config, config.topics().raw(), KafkaRuntime.RAW);
    Map<ItemId, Integer> rawCounts = new HashMap<>();
    raw.forEach(r -> rawCounts.merge(r.id(), 1, Integer::sum));
    Set<ItemId> notInLog = new HashSet<>(acknowledged);
    notInLog.removeAll(rawCounts.keySet());
    assertThat(notInLog).as("acknowledged items missing from items.raw").isEmpty();

    List<ClassifiedItem> classified =
        KafkaIt.awaitClassified(config, acknowledged, Duration.ofMinutes(3));
    Map<ItemId, Integer> writes = new HashMap<>();
    classified.forEach(c -> writes.merge(c.id(), 1, Integer::sum));
    for (Map.Entry<ItemId, Integer> e : writes.entrySet()) {
      n.classifiedDuplicates += Math.max(0, e.getValue() - rawCounts.getOrDefault(e.getKey(), 0));
    }
    Map<String, String> deadReasons = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : KafkaIt.records(config, config.topics().dead())) {
      deadReasons.put(r.key(), DeadLetterRecords.header(r.headers(), DeadLetterRecords.REASON));
    }

    index.awaitLine(l -> l.startsWith("serving on http://"), Duration.ofMinutes(1));
    KafkaIt.awaitReady(indexPort, Duration.ofMinutes(2));
    KafkaIt.awaitLagZero(indexPort, Duration.ofMinutes(2));
    String indexMetrics = KafkaIt.get(indexPort, "/metrics").body();
    assertThat(indexMetrics).contains("stage_records_total{outcome=\"emitted\",stage=\"index\"}");
    assertThat(KafkaIt.get(worker2Metrics, "/ready").statusCode()).isEqualTo(200);
    String workerMetrics = KafkaIt.get(worker2Metrics, "/metrics").body();
    assertThat(workerMetrics)
        .contains("stage_records_total{outcome=\"emitted\",stage=\"classify\"}")
        .containsPattern("kafka_consumer_lag\\{stage=\"classify\"\\} \\d");
    assertThat(worker1.terminate(Duration.ofSeconds(60))).isIn(0, 143);
    assertThat(worker2.terminate(Duration.ofSeconds(60))).isIn(0, 143);
    assertThat(index.terminate(Duration.ofSeconds(60))).isIn(0, 143);
    assertCleanIndex();

    // Searchable exactly once: by its own id, or listed at the one document of the text it copies.
    Map<ItemId, Integer> stored = new HashMap<>();
    Map<CanonicalUrl, Integer> listedAt = new HashMap<>();
    try (LuceneArticleIndex idx = LuceneArticleIndex.open(indexData.resolve("index"))) {
      idx.scan(
          c -> {
            stored.merge(c.id(), 1, Integer::sum);
            c.item().alsoAt().forEach(u -> listedAt.merge(u, 1, Integer::sum));
          });
      Map<ItemId, RawItem> byId = new HashMap<>();
      raw.forEach(r -> byId.put(r.id(), r));
      List<ItemId> lost = new ArrayList<>();
      for (ItemId id : acknowledged) {
        RawItem r = byId.get(id);
        int copies = r.url() == null ? 0 : listedAt.getOrDefault(r.url(), 0);
        boolean own = idx.get(id).isPresent() && stored.containsKey(id);
        String reason = deadReasons.get(id.value());
        if (reason != null) {
          n.dead++;
          assertThat(reason).as("reason of dead letter %s", id).isNotBlank();
        } else if (!own && copies == 0) {
          lost.add(id);
        }
        if (own && copies > 0 || copies > 1) {
          n.indexDuplicates++;
        }
      }
      stored.values().forEach(v -> n.indexDuplicates += v - 1);
      n.lost = lost.size();
      n.seconds = (System.nanoTime() - t0) / 1e9;
      String summary = n.summary(seed);
      System.out.println(summary);
      Files.writeString(dir.resolve("summary.txt"), summary + "\n");
      assertThat(lost).as("acknowledged items neither searchable nor dead").isEmpty();
      assertThat(n.indexDuplicates).as("items stored twice in the index").isZero();
      assertThat(n.classifiedDuplicates).as("items written twice to items.classified").isZero();
      KafkaIt.assertEachSearchableOnceOrDead(
          idx,
          raw.stream().filter(r -> acknowledged.contains(r.id())).toList(),
          deadReasons.keySet());
    }
    assertThat(down).contains("kafka: down");
    assertThat(midRun).contains("kafka: down");
    assertThat(workerDown).contains("kafka: down");
    assertThat(n.indexKills + n.workerKills).isGreaterThanOrEqualTo(6);
    assertThat(n.ingestsThroughOutage).as("ingest runs alive through the outage").isPositive();
  }

  /** The figures of one run. */
  static final class Counts {
    int items;
    int indexKills;
    int indexHalts;
    int workerKills;
    int workerHalts;
    int brokerRestarts;
    int ingestsThroughOutage;
    long outageMillis;
    int lost;
    int dead;
    long indexDuplicates;
    long classifiedDuplicates;
    double seconds;

    String summary(long seed) {
      return String.format(
          java.util.Locale.ROOT,
          "KafkaFaultIT summary: seed=%d items=%d index-kills=%d index-halts=%d worker-kills=%d"
              + " worker-halts=%d broker-restarts=%d broker-down-ms=%d ingests-through-outage=%d lost=%d"
              + " duplicated-index=%d duplicated-classified=%d dead-lettered=%d seconds=%.1f",
          seed,
          items,
          indexKills,
          indexHalts,
          workerKills,
          workerHalts,
          brokerRestarts,
          outageMillis,
          ingestsThroughOutage,
          lost,
          indexDuplicates,
          classifiedDuplicates,
          dead,
          seconds);
    }
  }

  /** Starts one ingest run every {@link #FEED_EVERY}, whatever the broker does, until all ran. */
  private void feed(List<Path> feeds, Path acked, List<AppProcess> out) {
    try {
      for (Path f : feeds) {
        out.add(startIngest(acked, f));
        Thread.sleep(FEED_EVERY.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private AppProcess startIngest(Path acked, Path feed) throws IOException {
    return start(
        "ingest",
        "-Xmx512m",
        Map.of(),
        KafkaIt.args(kafka, "ingest", "--once", "--acked", acked.toString(), feed.toString()));
  }

  private AppProcess start(String name, String heap, Map<String, String> env, String... args)
      throws IOException {
    String id = name + "-" + (++serial);
    AppProcess p = AppProcess.start(id, dir.resolve(id + ".log"), heap, env, args);
    started.add(p);
    return p;
  }

  private AppProcess startIndex(Map<String, String> env) throws IOException {
    return start(
        "index",
        "-Xmx768m",
        env,
        KafkaIt.args(
            kafka,
            "index",
            "--data",
            indexData.toString(),
            "--serve",
            Integer.toString(indexPort)));
  }

  private AppProcess startWorker(Map<String, String> env) throws IOException {
    return start(
        "classify",
        "-Xmx1200m",
        env,
        KafkaIt.args(kafka, "classify", "--data", classifyData.toString(), "--metrics-port", "0"));
  }

  /** Starts {@code themewire broker} on the test's port and folder (the same after a restart). */
  private void startBroker() throws Exception {
    AppProcess b =
        start(
            "broker",
            "-Xmx256m",
            Map.of(),
            "broker",
            "--port",
            Integer.toString(brokerPort),
            "--dir",
            dir.resolve("broker").toString());
    broker = b;
    assertThat(b.awaitLine(l -> l.startsWith("ready "), Duration.ofSeconds(120)))
        .isEqualTo("ready 127.0.0.1:" + brokerPort);
  }

  private static int metricsPort(AppProcess worker) throws InterruptedException {
    String line = worker.awaitLine(l -> l.startsWith("metrics on http://"), Duration.ofMinutes(2));
    String rest = line.substring("metrics on http://".length());
    String hostPort = rest.substring(0, rest.indexOf('/'));
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }

  /** Waits for a process armed with a halt point to halt there. */
  private void awaitHalt(AppProcess p, String point) throws Exception {
    assertThat(p.await(Duration.ofSeconds(120))).as("exit status of a halt").isEqualTo(137);
    assertThat(Files.readString(p.log())).contains(point + " - halting the process");
  }

  /** Polls {@code /ready} until it is 503 with {@code reason}; returns the body. */
  private static String awaitNotReady(int port, String reason, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      try {
        HttpResponse<String> r = KafkaIt.get(port, "/ready");
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 503 && r.body().contains(reason)) {
          return r.body();
        }
      } catch (IOException e) {
        last = e.toString(); // not serving yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/ready on " + port + " never 503 '" + reason + "'; last " + last);
  }

  /** Lucene's CheckIndex on the index as the last process left it. */
  private void assertCleanIndex() throws IOException {
    Path path = indexData.resolve("index");
    if (!Files.exists(path.resolve("write.lock")) && !hasSegments(path)) {
      return;
    }
    try (Directory d = FSDirectory.open(path);
        CheckIndex check = new CheckIndex(d)) {
      CheckIndex.Status status = check.checkIndex();
      assertThat(status.clean).as("CheckIndex of %s", path).isTrue();
    }
  }

  private static boolean hasSegments(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (var files = Files.list(path)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    }
  }

  private static void pause(Random rnd, int fromMillis, int toMillis) throws InterruptedException {
    Thread.sleep(fromMillis + rnd.nextInt(toMillis - fromMillis));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** {@link #FEEDS} RSS files of {@link #PER_FEED} generated items each (short texts). */
  static List<Path> writeFeeds(Path folder, long seed) throws IOException {
    Files.createDirectories(folder);
    List<ClassifiedItem> items =
        SyntheticCorpus.builder()
            .seed(seed)
            .items(FEEDS * PER_FEED)
            .sources(50)
            .days(LocalDate.of(2026, 11, 1), 30)
            .words(20, 80)
            .build()
            .toList();
    DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    List<Path> out = new ArrayList<>();
    for (int f = 0; f < FEEDS; f++) {
      StringBuilder xml = new StringBuilder();
      xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
          .append("<title>Generated ")
          .append(f)
          .append("</title><link>https://feed")
          .append(f)
          .append(".example/</link>\n");
      for (int i = f * PER_FEED; i < (f + 1) * PER_FEED; i++) {
        RawItem r = items.get(i).item();
        String link = "https://feed" + f + ".example/" + seed + "/" + i;
        xml.append("<item><title>")
            .append(escape(r.title()))
            .append("</title><link>")
            .append(link)
            .append("</link><guid>")
            .append(link)
            .append("</guid><pubDate>")
            .append(rfc822.format(r.published().at().atOffset(ZoneOffset.UTC)))
            .append("</pubDate><description>")
            .append(escape(r.text()))
            .append("</description></item>\n");
      }
      xml.append("</channel></rss>\n");
      Path file = folder.resolve("feed-" + f + ".xml");
      Files.writeString(file, xml, StandardCharsets.UTF_8);
      out.add(file);
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
