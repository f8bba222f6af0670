package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.ingest.schedule.SourceConfig;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import io.themewire.testkit.FixtureServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest workers over a real broker share the sources of the compacted sources topic: two workers
 * fetch each source exactly once per interval between them, and when one stops the other takes its
 * sources over, carrying on from their saved health (not fetching them again before their interval
 * is over). Sources are served by a FixtureServer that counts requests per path.
 */
class KafkaSharedSourcesIT {

  static final Path FEEDS = Path.of("..", "samples", "feeds");
  static final int PARTITIONS = 4;
  static final Duration INTERVAL = SourceConfig.MIN_INTERVAL;

  @TempDir Path dir;

  /** The real clock plus jumps a test makes, so an interval passes without waiting for it. */
  static final class JumpClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    void jump(Duration d) {
      ahead = ahead.plus(d);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** A worker running on its own thread, with its own data folder and parts. */
  record Worker(KafkaSourceWorker worker, Thread thread, Wiring wiring) {
    void stop() throws InterruptedException {
      worker.stop();
      thread.join(Duration.ofMinutes(1).toMillis());
      assertThat(thread.isAlive()).as("worker stopped").isFalse();
      wiring.close();
    }
  }

  Worker start(KafkaConfig config, String name, Clock clock, List<SourceConfig> sources) {
    Wiring wiring = new Wiring(new Settings(dir.resolve(name), null, true), clock);
    KafkaRuntime runtime = new KafkaRuntime(wiring, config);
    runtime.ensureTopics();
    KafkaSourceWorker.announce(config, sources);
    KafkaSourceWorker w = runtime.sourceWorker();
    Thread t = new Thread(w, "test-ingest-" + name);
    t.start();
    return new Worker(w, t, wiring);
  }

  @Test
  void twoWorkers_fetchEachSourceOncePerInterval_andOneTakesOverWhenTheOtherStops()
      throws Exception {
    // Given: 8 feeds served over HTTP, two in each partition of the sources topic.
    KafkaConfig config =
        new KafkaConfig(
            TestBroker.bootstrap(), new KafkaTopics(TestBroker.uniquePrefix()), PARTITIONS);
    List<Path> feeds;
    try (Stream<Path> s = Files.list(FEEDS)) {
      feeds = s.sorted().toList();
    }
    JumpClock clock = new JumpClock();
    try (FixtureServer server = FixtureServer.start()) {
      Map<String, String> pathOf = new LinkedHashMap<>();
      int[] perPartition = new int[PARTITIONS];
      for (int k = 0; pathOf.size() < 2 * PARTITIONS; k++) {
        Path feed = feeds.get(k % feeds.size());
        String path = "/s" + k + "/" + feed.getFileName();
        String url = server.url(path);
        int p = KafkaSourceWorker.partitionOf(url, PARTITIONS);
        if (perPartition[p] < 2) {
          perPartition[p]++;
          server.route(path, FixtureServer.body(200, "application/xml", Files.readAllBytes(feed)));
          pathOf.put(url, path);
        }
      }
      List<SourceConfig> sources = new ArrayList<>();
      for (String url : pathOf.keySet()) {
        sources.add(new SourceConfig(url, INTERVAL, null));
      }

      // When: two workers of one group run, and the sources are put into the topic.
      Worker a = start(config, "a", clock, List.of());
      Worker b = start(config, "b", clock, List.of());
      Worker stopLater = b;
      try {
        await(
            () ->
                !a.worker().partitions().isEmpty()
                    && !b.worker().partitions().isEmpty()
                    && a.worker().partitions().size() + b.worker().partitions().size()
                        == PARTITIONS,
            "both workers hold partitions");
        KafkaSourceWorker.announce(config, sources);
        await(
            () -> union(a, b).equals(pathOf.keySet()) && allHitAtLeast(server, pathOf, 1),
            "both workers hold the sources and each was fetched");
        Thread.sleep(3_000);

        // Then: the sources are split, none held by both, each fetched exactly once.
        assertThat(a.worker().owned()).isNotEmpty().doesNotContainAnyElementsOf(b.worker().owned());
        assertThat(b.worker().owned()).isNotEmpty();
        assertThat(hits(server, pathOf)).as("fetches per source").containsOnly(1);
        assertThat(KafkaIt.records(config, config.topics().raw())).isNotEmpty();

        // ...and /metrics and /ready say so: every source read once, items acknowledged.
        assertThat(a.worker().notReadyReason()).isEmpty();
        assertThat(b.worker().notReadyReason()).isEmpty();
        assertThat(meter(a, "ingest_polls_total") + meter(b, "ingest_polls_total"))
            .isEqualTo(pathOf.size());
        assertThat(
                meter(a, "ingest_items_total", "result", "acknowledged")
                    + meter(b, "ingest_items_total", "result", "acknowledged"))
            .isEqualTo(KafkaIt.records(config, config.topics().raw()).size());
        assertThat(meter(a, "ingest_items_total", "result", "failed")).isZero();
        assertThat(meter(a, "ingest_sources_owned") + meter(b, "ingest_sources_owned"))
            .isEqualTo(pathOf.size());

        // When: one worker stops.
        Set<String> fromB = b.worker().owned();
        b.stop();
        stopLater = null;
        await(() -> a.worker().owned().equals(pathOf.keySet()), "a holds every source");
        Thread.sleep(3_000);

        // Then: it does not fetch b's sources again before their interval is over...
        assertThat(hits(server, pathOf))
            .as("fetches per source after the handover")
            .containsOnly(1);

        // ...and once it is, fetches every source once more, b's included.
        clock.jump(INTERVAL.plusSeconds(1));
        await(() -> allHitAtLeast(server, pathOf, 2), "every source fetched in the next interval");
        Thread.sleep(3_000);
        assertThat(hits(server, pathOf)).as("fetches per source, two intervals").containsOnly(2);
        assertThat(fromB).isNotEmpty().isSubsetOf(a.worker().owned());
      } finally {
        a.stop();
        if (stopLater != null) {
          stopLater.stop();
        }
      }
    }
  }

  /** The sum of a worker's meters of that name (and tag), as /metrics would show them. */
  static double meter(Worker w, String name, String... tag) {
    var search = w.wiring().meters().find(name);
    if (tag.length == 2) {
      search = search.tag(tag[0], tag[1]);
    }
    double sum = 0;
    for (var m : search.meters()) {
      for (var measurement : m.measure()) {
        sum += measurement.getValue();
      }
    }
    return sum;
  }

  static Set<String> union(Worker a, Worker b) {
    Set<String> all = new HashSet<>(a.worker().owned());
    all.addAll(b.worker().owned());
    return all;
  }

  static List<Integer> hits(FixtureServer server, Map<String, String> pathOf) {
    return pathOf.values().stream().map(server::hits).toList();
  }

  static boolean allHitAtLeast(FixtureServer server, Map<String, String> pathOf, int n) {
    return hits(server, pathOf).stream().allMatch(h -> h >= n);
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 2 minutes: " + what);
      }
      Thread.sleep(200);
    }
  }
}
