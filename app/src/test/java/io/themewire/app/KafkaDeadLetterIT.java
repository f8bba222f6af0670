package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.themewire.classify.theme.ClassifyStage;
import io.themewire.core.json.Topic;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.DeadLetter;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.stage.DeadLetterRecords;
import io.themewire.kafka.stage.TransformRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY row 39 on a real broker: records that cannot be read (not JSON, an unknown schema
 * version) go to items.dead at once; a record whose stage throws is tried 3 times, then goes there
 * too, with headers naming origin topic, partition, offset, exception and attempt; the worker
 * carries on with the rest. {@code themewire replay} puts them back, and a second replay does not
 * repeat the first.
 */
class KafkaDeadLetterIT {

  // RELIABILITY row 39
  @Test
  void poisonRecords_goToItemsDeadWithTheirOrigin_theRestFlows_andReplayReinjectsThemOnce()
      throws Exception {
    KafkaConfig config = TestBroker.freshConfig();
    try (Admin admin = Admin.create(config.admin())) {
      config.topics().ensure(admin, config.partitions());
    }
    AtomicBoolean broken = new AtomicBoolean(true);
    AtomicInteger tries = new AtomicInteger();
    // The classifier is the one part standing in: it throws on one text while "broken".
    ClassifyStage stage =
        new ClassifyStage(
            text -> {
              if (text.contains("POISON") && broken.get()) {
                tries.incrementAndGet();
                throw new IllegalStateException("classifier failed on purpose");
              }
              return KafkaIt.OTHER;
            });
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TransformRunner<RawItem, ClassifiedItem> worker = KafkaIt.classifyWorker(config, stage, meters);
    Thread loop = new Thread(worker);
    loop.start();
    try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config.producer("test"))) {
      send(p, config, "good-1", KafkaRuntime.RAW.encode(item("good-1", "A fine text")));
      send(p, config, "bad-json", "{not json".getBytes(StandardCharsets.UTF_8));
      send(p, config, "schema-9", "{\"schema\":9,\"item\":{}}".getBytes(StandardCharsets.UTF_8));
      send(p, config, "poison", KafkaRuntime.RAW.encode(item("poison", "POISON text")));
      send(p, config, "good-2", KafkaRuntime.RAW.encode(item("good-2", "Another fine text")));
    }
    List<ConsumerRecord<String, byte[]>> dead = awaitRecords(config, config.topics().dead(), 3);
    assertThat(KafkaIt.readAll(config, config.topics().classified(), KafkaRuntime.CLASSIFIED))
        .extracting(c -> c.id().value())
        .containsExactlyInAnyOrder(id("good-1"), id("good-2"));
    assertThat(tries.get()).isEqualTo(3);
    ConsumerRecord<String, byte[]> poison =
        dead.stream().filter(r -> r.key().equals(id("poison"))).findFirst().orElseThrow();
    assertThat(header(poison, DeadLetterRecords.ORIGIN_TOPIC)).isEqualTo(config.topics().raw());
    assertThat(header(poison, DeadLetterRecords.ORIGIN_PARTITION)).matches("\\d+");
    assertThat(header(poison, DeadLetterRecords.ORIGIN_OFFSET)).matches("\\d+");
    assertThat(header(poison, DeadLetterRecords.EXCEPTION))
        .contains("IllegalStateException: classifier failed on purpose");
    assertThat(header(poison, DeadLetterRecords.ATTEMPT)).isEqualTo("3");
    DeadLetter letter = Topic.ITEMS_DEAD.codec().decode(poison.value());
    assertThat(letter.stage()).isEqualTo("classify");
    assertThat(letter.reason()).isEqualTo("exception");
    ConsumerRecord<String, byte[]> badJson =
        dead.stream().filter(r -> r.key().equals("bad-json")).findFirst().orElseThrow();
    assertThat(header(badJson, DeadLetterRecords.REASON)).isEqualTo("bad-json");
    assertThat(header(badJson, DeadLetterRecords.ATTEMPT)).isEqualTo("1");
    ConsumerRecord<String, byte[]> schema =
        dead.stream().filter(r -> r.key().equals("schema-9")).findFirst().orElseThrow();
    assertThat(header(schema, DeadLetterRecords.REASON)).isEqualTo("unknown-schema");
    assertThat(meters.scrape()).contains("dlq_messages_total{stage=\"classify\"} 3.0");

    // The classifier is fixed; replay puts all three back; the poison item now flows.
    broken.set(false);
    String[] kafka = {
      "--kafka", config.bootstrapServers(), "--topic-prefix", config.topics().prefix()
    };
    CliTest.Run replay = CliTest.run(KafkaIt.args(kafka, "replay"));
    assertThat(replay.code()).as(replay.err()).isZero();
    assertThat(replay.out()).startsWith("replayed 3 dead letters (0 skipped)");
    awaitRecords(config, config.topics().dead(), 5); // the two unreadable ones die again
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (KafkaIt.readAll(config, config.topics().classified(), KafkaRuntime.CLASSIFIED).size() < 3
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(KafkaIt.readAll(config, config.topics().classified(), KafkaRuntime.CLASSIFIED))
        .extracting(c -> c.id().value())
        .containsExactlyInAnyOrder(id("good-1"), id("good-2"), id("poison"));
    // A second replay takes only what died since the first.
    CliTest.Run again = CliTest.run(KafkaIt.args(kafka, "replay"));
    assertThat(again.out()).startsWith("replayed 2 dead letters (0 skipped)");
    worker.stop();
    loop.join(30_000);
    assertThat(loop.isAlive()).isFalse();
  }

  static void send(KafkaProducer<String, byte[]> p, KafkaConfig config, String key, byte[] value)
      throws Exception {
    String k = key.startsWith("good") || key.equals("poison") ? id(key) : key;
    p.send(new ProducerRecord<>(config.topics().raw(), k, value)).get();
  }

  static String id(String guid) {
    return ItemId.of("test", guid).value();
  }

  static RawItem item(String guid, String text) {
    Instant now = Instant.now();
    return new RawItem(
        ItemId.of("test", guid),
        null,
        new Source("test", "Test", SourceKind.FEED),
        "Title " + guid,
        null,
        Published.firstSeen(now),
        now,
        "en",
        text,
        null,
        null,
        null,
        null,
        null);
  }

  static String header(ConsumerRecord<String, byte[]> r, String key) {
    return DeadLetterRecords.header(r.headers(), key);
  }

  static List<ConsumerRecord<String, byte[]>> awaitRecords(KafkaConfig config, String topic, int n)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<ConsumerRecord<String, byte[]>> rs = KafkaIt.records(config, topic);
    while (rs.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(200);
      rs = KafkaIt.records(config, topic);
    }
    assertThat(rs).hasSize(n);
    return rs;
  }
}
