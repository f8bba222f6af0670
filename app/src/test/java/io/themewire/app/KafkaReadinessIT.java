package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.stage.Outcome;
import io.themewire.core.stage.Stage;
import io.themewire.index.IndexStage;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import io.themewire.kafka.stage.RetryPolicy;
import io.themewire.kafka.stage.SinkRunner;
import io.themewire.kafka.stage.StageMetrics;
import io.themewire.kafka.stage.TransformRunner;
import io.themewire.testkit.SyntheticCorpus;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code /ready} reports for a Kafka node: an index replica behind the log says it is catching
 * up until it has read to the end; a node whose broker does not answer says {@code kafka: down}.
 */
class KafkaReadinessIT {

  @TempDir Path dir;

  @Test
  void indexReplica_isNotReadyWhileBehindTheLog_thenReadyWithLagZero() throws Exception {
    KafkaConfig config = TestBroker.freshConfig();
    try (Admin admin = Admin.create(config.admin())) {
      config.topics().ensure(admin, config.partitions());
    }
    List<ClassifiedItem> items = SyntheticCorpus.builder().seed(5).items(40).build().toList();
    try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config.producer("test"))) {
      for (ClassifiedItem c : items) {
        p.send(
            new ProducerRecord<>(
                config.topics().classified(), c.id().value(), KafkaRuntime.CLASSIFIED.encode(c)));
      }
      p.flush();
    }
    CountDownLatch gate = new CountDownLatch(1);
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (LuceneArticleIndex index = LuceneArticleIndex.open(dir.resolve("index"))) {
      IndexStage real = new IndexStage(index, Clock.systemUTC(), Duration.ofSeconds(5));
      // The real index stage, held at the first record until the test has looked.
      Stage<ClassifiedItem, ItemId> held =
          new Stage<>() {
            @Override
            public String name() {
              return real.name();
            }

            @Override
            public Outcome<ItemId> process(ClassifiedItem item) {
              try {
                gate.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return real.process(item);
            }
          };
      SinkRunner<ClassifiedItem> runner =
          new SinkRunner<>(
              config,
              config.topics().classified(),
              KafkaRuntime.CLASSIFIED,
              held,
              KafkaRuntime.checkpoint(index, config.topics().classified()),
              RetryPolicy.DEFAULT,
              new StageMetrics(meters, "index"),
              Clock.systemUTC(),
              Duration.ofMillis(200),
              false);
      Thread loop = new Thread(runner, "test-index");
      loop.start();
      try {
        assertThat(runner.notReadyReason())
            .hasValueSatisfying(r -> assertThat(r).startsWith("index: catching up"));
        gate.countDown();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runner.notReadyReason().isPresent() && System.nanoTime() < end) {
          Thread.sleep(100);
        }
        assertThat(runner.notReadyReason()).isEmpty();
        assertThat(runner.lag()).isZero();
        assertThat(meters.scrape()).contains("kafka_consumer_lag{stage=\"index\"} 0.0");
        for (ClassifiedItem c : items) {
          assertThat(index.get(c.id())).as("%s in the replica", c.id()).isPresent();
        }
      } finally {
        gate.countDown();
        runner.stop();
        loop.join(30_000);
      }
      assertThat(loop.isAlive()).isFalse();
    }
  }

  @Test
  void nodesWhoseBrokerDoesNotAnswer_sayKafkaDown_afterFiveSeconds() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    KafkaConfig config = new KafkaConfig("127.0.0.1:" + closed, new KafkaTopics("r."), 1);
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SinkRunner<ClassifiedItem> replica =
        new SinkRunner<>(
            config,
            config.topics().classified(),
            KafkaRuntime.CLASSIFIED,
            new Stage<ClassifiedItem, ItemId>() {
              @Override
              public String name() {
                return "index";
              }

              @Override
              public Outcome<ItemId> process(ClassifiedItem item) {
                return Outcome.emitted(item.id());
              }
            },
            null,
            RetryPolicy.DEFAULT,
            new StageMetrics(meters, "index"),
            clock,
            SinkRunner.DEFAULT_COMMIT_INTERVAL,
            false);
    TransformRunner<ClassifiedItem, ClassifiedItem> worker =
        new TransformRunner<>(
            config,
            "r.group",
            config.topics().raw(),
            KafkaRuntime.CLASSIFIED,
            config.topics().classified(),
            KafkaRuntime.CLASSIFIED,
            c -> c.id().value(),
            new Stage<>() {
              @Override
              public String name() {
                return "classify";
              }

              @Override
              public Outcome<ClassifiedItem> process(ClassifiedItem item) {
                return Outcome.emitted(item);
              }
            },
            RetryPolicy.DEFAULT,
            new StageMetrics(meters, "classify"),
            clock,
            20);
    assertThat(worker.notReadyReason()).isEmpty();
    assertThat(replica.notReadyReason()).hasValue("index: catching up");
    clock.advance(SinkRunner.UNREACHABLE_AFTER.plusSeconds(1));
    assertThat(replica.notReadyReason())
        .hasValue("kafka: down (no answer from 127.0.0.1:" + closed + ")");
    assertThat(worker.notReadyReason())
        .hasValue("kafka: down (no answer from 127.0.0.1:" + closed + ")");
  }
}
