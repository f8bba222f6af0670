package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.themewire.classify.theme.ClassifyStage;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import io.themewire.kafka.stage.TransformRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A classify transaction that outlives its timeout on a real broker: the coordinator aborts it (its
 * outcome is unknown to the worker until it tries to commit); the worker must abort or
 * re-initialise its producer, rewind to the committed offsets and do the batch again, and a {@code
 * read_committed} reader must never see the records of the aborted attempt.
 */
class KafkaTransactionFaultIT {

  /** The transaction timeout of the workers' producers (KafkaConfig), plus the broker's sweep. */
  static final Duration STALL = Duration.ofSeconds(15 + 2 + 5);

  // RELIABILITY row 41
  @Test
  void aTransactionPastItsTimeout_isAbortedAndRedone_andReadCommittedNeverSeesTheAbortedRecords()
      throws Exception {
    KafkaConfig config =
        new KafkaConfig(TestBroker.bootstrap(), new KafkaTopics(TestBroker.uniquePrefix()), 1);
    try (Admin admin = Admin.create(config.admin())) {
      config.topics().ensure(admin, config.partitions());
    }
    AtomicInteger stalls = new AtomicInteger();
    // The classifier is the one part standing in: it stalls once, past the transaction timeout,
    // on one text, after the batch's earlier outputs were sent in the open transaction.
    ClassifyStage stage =
        new ClassifyStage(
            text -> {
              if (text.contains("SLOW") && stalls.getAndIncrement() == 0) {
                try {
                  Thread.sleep(STALL.toMillis());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return KafkaIt.OTHER;
            });
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TransformRunner<RawItem, ClassifiedItem> worker = KafkaIt.classifyWorker(config, stage, meters);
    List<String> ids = new ArrayList<>();
    try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(config.producer("test"))) {
      for (int i = 1; i <= 6; i++) {
        String guid = "item-" + i;
        String text = i == 5 ? "SLOW text " + i : "A fine text " + i;
        ids.add(KafkaDeadLetterIT.id(guid));
        p.send(
                new org.apache.kafka.clients.producer.ProducerRecord<>(
                    config.topics().raw(),
                    KafkaDeadLetterIT.id(guid),
                    KafkaRuntime.RAW.encode(KafkaDeadLetterIT.item(guid, text))))
            .get();
      }
    }
    Thread loop = new Thread(worker, "test-classify");
    loop.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      Map<String, Integer> committed = Map.of();
      while (System.nanoTime() < deadline) {
        committed = counts(config, "read_committed");
        if (committed.keySet().containsAll(ids)) {
          break;
        }
        assertThat(loop.isAlive()).as("the worker is still running").isTrue();
        Thread.sleep(500);
      }
      assertThat(stalls.get())
          .as("the slow record was met again after the abort")
          .isGreaterThanOrEqualTo(2);
      // A read_committed reader sees each output once: the aborted attempt is invisible to it.
      Map<String, Integer> once = new HashMap<>();
      ids.forEach(id -> once.put(id, 1));
      assertThat(committed).isEqualTo(once);
      // The aborted attempt did reach the log: a read_uncommitted reader sees its records too.
      Map<String, Integer> all = counts(config, "read_uncommitted");
      for (int i = 0; i < 4; i++) {
        assertThat(all.get(ids.get(i))).as("copies of %s in the log", ids.get(i)).isEqualTo(2);
      }
      assertThat(loop.isAlive()).isTrue();
    } finally {
      worker.stop();
      loop.join(30_000);
    }
    assertThat(loop.isAlive()).isFalse();
  }

  /** Records per key in items.classified, read whole with the given isolation level. */
  static Map<String, Integer> counts(KafkaConfig config, String isolation) {
    Map<String, Object> props = config.consumer(null, 500);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props)) {
      TopicPartition tp = new TopicPartition(config.topics().classified(), 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long end = c.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (c.position(tp) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(300))) {
          if (r.offset() < end) {
            counts.merge(r.key(), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }
}
