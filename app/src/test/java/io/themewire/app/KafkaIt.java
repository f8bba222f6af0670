package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.themewire.classify.theme.Classification;
import io.themewire.classify.theme.ClassifyStage;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.kafka.Envelope;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.stage.RetryPolicy;
import io.themewire.kafka.stage.StageMetrics;
import io.themewire.kafka.stage.TransformRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** What the Kafka tests share: reading a topic whole, polling a node's API, the final check. */
final class KafkaIt {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The classification the tests' stand-in classifiers give every text. */
  static final Classification OTHER =
      new Classification(
          List.of(), "other", null, List.of(), List.of(), List.of(), List.of(), "t1", "m1");

  private KafkaIt() {}

  /**
   * A classify worker (the group {@code PREFIX classify}, 3 tries 10 ms apart, 20 records a poll)
   * around {@code stage}, on the topics of {@code config}, counting into {@code meters}; not
   * started.
   */
  static TransformRunner<RawItem, ClassifiedItem> classifyWorker(
      KafkaConfig config, ClassifyStage stage, MeterRegistry meters) {
    return new TransformRunner<>(
        config,
        config.topics().prefix() + "classify",
        config.topics().raw(),
        KafkaRuntime.RAW,
        config.topics().classified(),
        KafkaRuntime.CLASSIFIED,
        c -> c.id().value(),
        stage,
        new RetryPolicy(3, Duration.ofMillis(10)),
        new StageMetrics(meters, "classify"),
        Clock.systemUTC(),
        20);
  }

  static String[] args(String[] kafka, String command, String... rest) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.addAll(List.of(kafka));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  static String[] args(String[] kafka, String[] commandAndRest) {
    String[] rest = new String[commandAndRest.length - 1];
    System.arraycopy(commandAndRest, 1, rest, 0, rest.length);
    return args(kafka, commandAndRest[0], rest);
  }

  static String[] concat(String[] a, List<String> b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(b);
    return all.toArray(String[]::new);
  }

  /** The port from a node's {@code serving on http://HOST:PORT/} line. */
  static int servingPort(AppProcess node) throws InterruptedException {
    String line = node.awaitLine(l -> l.startsWith("serving on http://"), Duration.ofMinutes(2));
    String hostPort =
        line.substring(
            "serving on http://".length(), line.indexOf('/', "serving on http://".length()));
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Items the node's index holds (the search total of the empty query). */
  static long total(int port) throws Exception {
    HttpResponse<String> r = get(port, "/api/search?q=&size=1");
    if (r.statusCode() != 200) {
      return -1;
    }
    JsonNode body = Json.mapper().readTree(r.body());
    return body.path("total").asLong(-1);
  }

  static long awaitTotal(int port, LongPredicate p, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    long last = -1;
    while (System.nanoTime() < end) {
      try {
        last = total(port);
        if (p.test(last)) {
          return last;
        }
      } catch (java.io.IOException e) {
        // not serving yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("search total did not get there within " + timeout + "; last " + last);
  }

  static void awaitReady(int port, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      HttpResponse<String> r = get(port, "/ready");
      if (r.statusCode() == 200) {
        return;
      }
      last = r.body();
      Thread.sleep(200);
    }
    throw new AssertionError("/ready not 200 within " + timeout + ": " + last);
  }

  static void awaitLagZero(int port, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (get(port, "/metrics").body().contains("kafka_consumer_lag{stage=\"index\"} 0.0")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("index lag not 0 within " + timeout);
  }

  /** Every committed record of a topic, from the beginning to the end it has now. */
  static <T> List<T> readAll(KafkaConfig config, String topic, Envelope<T> envelope) {
    List<T> out = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records(config, topic)) {
      out.add(envelope.decode(r.value()));
    }
    return out;
  }

  static List<ConsumerRecord<String, byte[]>> records(KafkaConfig config, String topic) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config.consumer(null, 500))) {
      List<TopicPartition> parts =
          c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end");
        }
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            out.add(r);
          }
        }
      }
    }
    return out;
  }

  /** Waits until items.classified holds every id (or items.dead does), and returns its records. */
  static List<ClassifiedItem> awaitClassified(
      KafkaConfig config, Collection<ItemId> ids, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    List<ClassifiedItem> classified = List.of();
    Set<ItemId> missing = new HashSet<>(ids);
    while (System.nanoTime() < end) {
      classified = readAll(config, config.topics().classified(), KafkaRuntime.CLASSIFIED);
      missing.clear();
      missing.addAll(ids);
      classified.forEach(c -> missing.remove(c.id()));
      for (ConsumerRecord<String, byte[]> r : records(config, config.topics().dead())) {
        missing.remove(ItemId.parse(r.key()));
      }
      if (missing.isEmpty()) {
        return classified;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(missing.size() + " items not classified within " + timeout);
  }

  /**
   * The final check: each raw item is in the index exactly once — as its own document, or listed
   * (alsoAt) at the one document of the story it copies — and no id is stored twice.
   */
  static void assertEachSearchableOnce(LuceneArticleIndex index, List<RawItem> raw)
      throws Exception {
    assertEachSearchableOnceOrDead(index, raw, Set.of());
  }

  /**
   * As {@link #assertEachSearchableOnce}, where items whose id is in {@code dead} may be absent.
   */
  static void assertEachSearchableOnceOrDead(
      LuceneArticleIndex index, List<RawItem> raw, Set<String> dead) throws Exception {
    Map<ItemId, ClassifiedItem> docs = new HashMap<>();
    List<ItemId> duplicates = new ArrayList<>();
    Map<CanonicalUrl, Integer> listedAt = new HashMap<>();
    index.scan(
        c -> {
          if (docs.put(c.id(), c) != null) {
            duplicates.add(c.id());
          }
          for (CanonicalUrl u : c.item().alsoAt()) {
            listedAt.merge(u, 1, Integer::sum);
          }
        });
    assertThat(duplicates).as("ids stored twice").isEmpty();
    List<ItemId> lost = new ArrayList<>();
    List<ItemId> twice = new ArrayList<>();
    for (RawItem r : raw) {
      boolean own = docs.containsKey(r.id());
      int copies = r.url() == null ? 0 : listedAt.getOrDefault(r.url(), 0);
      if (!own && copies == 0 && !dead.contains(r.id().value())) {
        lost.add(r.id());
      }
      if (!own && copies > 1) {
        twice.add(r.id());
      }
    }
    assertThat(lost).as("published items not in the index").isEmpty();
    assertThat(twice).as("items listed at two documents").isEmpty();
    assertThat(docs.size())
        .isLessThanOrEqualTo(new HashSet<>(raw.stream().map(RawItem::id).toList()).size());
  }
}
