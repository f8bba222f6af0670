package io.themewire.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.themewire.classify.theme.ClassifyStage;
import io.themewire.core.json.Topic;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.index.IndexStage;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.kafka.Envelope;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.stage.Checkpoint;
import io.themewire.kafka.stage.ItemPublisher;
import io.themewire.kafka.stage.RetryPolicy;
import io.themewire.kafka.stage.SinkRunner;
import io.themewire.kafka.stage.StageMetrics;
import io.themewire.kafka.stage.TransformRunner;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * All wiring of the Kafka mode in one place, beside {@link EmbeddedRuntime}: the stages of {@link
 * Wiring} (the same ones the embedded mode chains) each in its runner over its topics. The commands
 * and the tests build their processes ({@link KafkaIndexNode}, {@link KafkaClassifyNode}, {@link
 * KafkaIngestNode}) from here.
 */
final class KafkaRuntime {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KafkaRuntime.class);

  /** How long a stage process started without a broker waits for one before it gives up. */
  static final Duration BROKER_PATIENCE = Duration.ofMinutes(5);

  static final Envelope<RawItem> RAW = Envelope.of(Topic.ITEMS_RAW.codec());
  static final Envelope<ClassifiedItem> CLASSIFIED = Envelope.of(Topic.ITEMS_CLASSIFIED.codec());

  private final Wiring wiring;
  private final KafkaConfig config;
  private final Clock clock;

  KafkaRuntime(Wiring wiring, KafkaConfig config, Clock clock) {
    this.wiring = wiring;
    this.config = config;
    this.clock = clock;
  }

  /** Over the wiring's own clock. */
  KafkaRuntime(Wiring wiring, KafkaConfig config) {
    this(wiring, config, wiring.clock());
  }

  Wiring wiring() {
    return wiring;
  }

  KafkaConfig config() {
    return config;
  }

  /** The consumer group of the classify workers. */
  String classifyGroup() {
    return config.topics().prefix() + "themewire-classify";
  }

  /**
   * As {@link #ensureTopics()}, but while the broker does not answer it keeps trying, logging each
   * miss, until {@code patience} has passed: a stage process started before its broker (or during a
   * restart) waits for it instead of exiting.
   */
  void ensureTopics(Duration patience) throws InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        ensureTopics();
        return;
      } catch (UserInputException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        log.warn("kafka - {}; trying again", e.getMessage());
        TimeUnit.SECONDS.sleep(1);
      }
    }
  }

  /** Creates the topics that are missing, with their settings. */
  void ensureTopics() {
    try (Admin admin = Admin.create(config.admin())) {
      config.topics().ensure(admin, config.partitions());
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new UserInputException(
          "cannot reach Kafka at "
              + config.bootstrapServers()
              + ": "
              + Main.firstLine(String.valueOf(e.getCause() == null ? e : e.getCause())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Ingest's writer of items.raw. */
  ItemPublisher publisher() {
    return new ItemPublisher(config, config.topics().prefix() + "themewire-ingest");
  }

  /** The consumer group of the ingest workers that share the sources. */
  String ingestGroup() {
    return config.topics().prefix() + "themewire-ingest";
  }

  /**
   * An ingest worker that polls its share of the sources topic into items.raw; its source health is
   * also kept in {@code DATA/sources.json} for {@code themewire sources}.
   */
  KafkaSourceWorker sourceWorker() {
    return new KafkaSourceWorker(
        config,
        ingestGroup(),
        wiring.ingestStage((id, hash) -> false),
        publisher(),
        wiring.deadLetterLog(),
        wiring.settings().dataDir().resolve(EmbeddedRuntime.STATE_FILE),
        clock,
        wiring.meters());
  }

  /** A classify worker: items.raw to items.classified in transactions, one of the group. */
  TransformRunner<RawItem, ClassifiedItem> classifyWorker(MeterRegistry meters) {
    ClassifyStage stage = wiring.classifyStage();
    return new TransformRunner<>(
        config,
        classifyGroup(),
        config.topics().raw(),
        RAW,
        config.topics().classified(),
        CLASSIFIED,
        c -> c.id().value(),
        stage,
        RetryPolicy.DEFAULT,
        new StageMetrics(meters, stage.name()),
        clock,
        TransformRunner.DEFAULT_BATCH);
  }

  /**
   * An index replica: items.classified into the Lucene index, offsets in the Lucene commit. With
   * {@code stopAtEnd}, returns once it has read up to the end of the log (rebuild).
   */
  SinkRunner<ClassifiedItem> indexer(
      LuceneArticleIndex index, MeterRegistry meters, boolean stopAtEnd) {
    IndexStage stage = wiring.indexStage(index);
    return new SinkRunner<>(
        config,
        config.topics().classified(),
        CLASSIFIED,
        stage,
        checkpoint(index, config.topics().classified()),
        RetryPolicy.DEFAULT,
        new StageMetrics(meters, stage.name()),
        clock,
        SinkRunner.DEFAULT_COMMIT_INTERVAL,
        stopAtEnd);
  }

  /** The index's commit user data as offsets of one topic (other keys are left alone). */
  static Checkpoint checkpoint(LuceneArticleIndex index, String topic) {
    String prefix = "kafka." + topic + "-";
    return new Checkpoint() {
      @Override
      public Map<String, String> read() {
        Map<String, String> m = new TreeMap<>();
        index
            .commitData()
            .forEach(
                (k, v) -> {
                  if (k.startsWith(prefix)) {
                    m.put(k.substring("kafka.".length()), v);
                  }
                });
        return m;
      }

      @Override
      public void commit(Map<String, String> offsets) throws IOException {
        Map<String, String> data = new TreeMap<>(index.commitData());
        offsets.forEach((k, v) -> data.put("kafka." + k, v));
        index.commit(data);
      }
    };
  }

  /** Waits for a runner thread to finish after stop(); logs when it takes too long. */
  static void join(Thread t, Duration grace) throws InterruptedException {
    t.join(TimeUnit.MILLISECONDS.convert(grace));
  }
}
