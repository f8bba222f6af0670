package io.themewire.kafka.stage;

import io.themewire.core.stage.Stage;
import io.themewire.kafka.Envelope;
import io.themewire.kafka.KafkaConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume-transform-produce over a stage: reads the input topic as a member of a consumer group (so
 * N workers share its partitions), runs each record through the stage, and writes the outputs, the
 * dead letters and the consumed offsets in one Kafka transaction per poll, or per {@link
 * #TRANSACTION_BUDGET} of a poll's records ({@code sendOffsetsToTransaction}); readers use {@code
 * read_committed}, so a batch is seen whole or not at all. When a transaction fails (a broker
 * restart, a request timeout with an unknown outcome) it is aborted, the producer re-initialised,
 * and the consumer rewound to the committed offsets. One thread; {@link #stop()} from another.
 */
public final class TransformRunner<I, O> implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(TransformRunner.class);

  /**
   * Records fetched per poll, the most a transaction holds. A transaction also ends once it has run
   * for {@link #TRANSACTION_BUDGET}, so that a batch of slow records stays well inside the
   * producers' transaction timeout; short items then share one commit instead of paying one each.
   */
  public static final int DEFAULT_BATCH = 500;

  /** How long one transaction may keep taking records: a fifth of the 15 s transaction timeout. */
  public static final Duration TRANSACTION_BUDGET = Duration.ofSeconds(3);

  private final KafkaConfig config;
  private final String group;
  private final String inputTopic;
  private final String outputTopic;
  private final Envelope<O> output;
  private final Function<O, String> key;
  private final Stage<I, O> stage;
  private final Attempts<I, O> attempts;
  private final StageMetrics metrics;
  private final Clock clock;
  private final int batch;
  private final String transactionalId;
  private final HaltPoints halts = HaltPoints.fromEnvironment();
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Instant lastAnswer;
  private volatile String failure;

  public TransformRunner(
      KafkaConfig config,
      String group,
      String inputTopic,
      Envelope<I> input,
      String outputTopic,
      Envelope<O> output,
      Function<O, String> key,
      Stage<I, O> stage,
      RetryPolicy retries,
      StageMetrics metrics,
      Clock clock,
      int batch) {
    this.config = config;
    this.group = group;
    this.inputTopic = inputTopic;
    this.outputTopic = outputTopic;
    this.output = output;
    this.key = key;
    this.stage = stage;
    this.attempts = new Attempts<>(stage, input, retries);
    this.metrics = metrics;
    this.clock = clock;
    this.batch = batch;
    this.transactionalId = group + "-" + UUID.randomUUID();
    this.lastAnswer = clock.instant();
  }

  /** Whether the broker answered within {@link SinkRunner#UNREACHABLE_AFTER}. */
  public boolean brokerReachable() {
    return Duration.between(lastAnswer, clock.instant()).compareTo(SinkRunner.UNREACHABLE_AFTER)
        < 0;
  }

  /** Why the loop ended, when it ended on an error. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Why this worker is not doing its work, if it is not. */
  public Optional<String> notReadyReason() {
    if (failure != null) {
      return Optional.of(stage.name() + ": " + failure);
    }
    if (!brokerReachable()) {
      return Optional.of("kafka: down (no answer from " + config.bootstrapServers() + ")");
    }
    return Optional.empty();
  }

  /** Asks the loop to finish the current batch and return. */
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  @Override
  public void run() {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config.consumer(group, batch))) {
      consumer = c;
      KafkaProducer<String, byte[]> producer = newProducer();
      try {
        c.subscribe(
            List.of(inputTopic),
            new ConsumerRebalanceListener() {
              @Override
              public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Each batch is committed before the next poll: nothing is in flight here.
                log.info("{} - partitions revoked: {}", stage.name(), partitions);
              }

              @Override
              public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                log.info("{} - partitions assigned: {}", stage.name(), partitions);
              }
            });
        long lastLag = 0;
        while (running) {
          ConsumerRecords<String, byte[]> records;
          try {
            records = c.poll(Duration.ofMillis(500));
          } catch (WakeupException e) {
            break;
          }
          if (System.currentTimeMillis() - lastLag > 1000) {
            lastLag = System.currentTimeMillis();
            updateLag(c);
          }
          if (records.isEmpty()) {
            continue;
          }
          try {
            producer.beginTransaction();
            long until = System.nanoTime() + TRANSACTION_BUDGET.toNanos();
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : records) {
              if (!done.isEmpty() && System.nanoTime() > until) {
                break; // the rest of the poll waits for the next transaction (rewound below)
              }
              handle(r, producer);
              done.put(
                  new TopicPartition(r.topic(), r.partition()),
                  new OffsetAndMetadata(r.offset() + 1));
            }
            producer.sendOffsetsToTransaction(done, c.groupMetadata());
            halts.pass("transform-before-commit");
            producer.commitTransaction();
            halts.pass("transform-after-commit");
            rewindUnhandled(c, records, done);
          } catch (AuthorizationException e) {
            throw e;
          } catch (ProducerFencedException e) {
            // The transactional id is this runner's own (a fresh UUID per process), so no other
            // producer fenced it: the coordinator aborted a transaction that outlived its timeout
            // and bumped the epoch. A new producer (initTransactions) carries on from the
            // committed offsets; the aborted records stay invisible to read_committed readers.
            log.warn(
                "{} - transaction of {} records timed out and was aborted by the broker; starting"
                    + " a new producer and redoing them: {}",
                stage.name(),
                records.count(),
                e.toString());
            producer = recover(producer, c, records.partitions());
          } catch (InterruptedException | InterruptException e) {
            Thread.currentThread().interrupt();
            break;
          } catch (KafkaException e) {
            log.warn(
                "{} - transaction of {} records failed, retrying them: {}",
                stage.name(),
                records.count(),
                e.toString());
            producer = recover(producer, c, records.partitions());
          }
        }
      } finally {
        producer.close(Duration.ofSeconds(5));
        stage.close();
      }
    } catch (WakeupException e) {
      // stopped while closing
    } catch (RuntimeException e) {
      failure = e.toString();
      log.error("{} - stopped on an error: {}", stage.name(), e.toString(), e);
      return;
    }
    log.info("{} - stopped", stage.name());
  }

  private void handle(ConsumerRecord<String, byte[]> r, KafkaProducer<String, byte[]> producer)
      throws InterruptedException {
    Attempts.Result<O> result = attempts.handle(r);
    if (result instanceof Attempts.Done<O> done) {
      for (O o : done.outputs()) {
        producer.send(new ProducerRecord<>(outputTopic, key.apply(o), output.encode(o)));
      }
      metrics.outcome(done.code());
    } else {
      Attempts.Dead<O> dead = (Attempts.Dead<O>) result;
      log.warn(
          "{} - {}-{}@{} to {} after {} attempt(s): {}",
          stage.name(),
          r.topic(),
          r.partition(),
          r.offset(),
          config.topics().dead(),
          dead.attempt(),
          dead.message());
      producer.send(
          DeadLetterRecords.of(
              config.topics().dead(),
              r,
              stage.name(),
              dead.reason(),
              dead.message(),
              dead.cause(),
              dead.attempt(),
              clock.instant()));
      metrics.outcome(dead.reason());
      metrics.dead();
    }
  }

  /** Aborts (or, failing that, replaces) the producer and rewinds to the committed offsets. */
  private KafkaProducer<String, byte[]> recover(
      KafkaProducer<String, byte[]> producer,
      KafkaConsumer<String, byte[]> c,
      Set<TopicPartition> partitions) {
    try {
      producer.abortTransaction();
    } catch (KafkaException abortFailed) {
      producer.close(Duration.ZERO);
      producer = null;
    }
    while (running) {
      try {
        if (producer == null) {
          producer = newProducer();
        }
        Map<TopicPartition, OffsetAndMetadata> committed = c.committed(partitions);
        for (TopicPartition tp : partitions) {
          if (!c.assignment().contains(tp)) {
            continue;
          }
          OffsetAndMetadata o = committed.get(tp);
          if (o == null) {
            c.seekToBeginning(List.of(tp));
          } else {
            c.seek(tp, o.offset());
          }
        }
        return producer;
      } catch (KafkaException e) {
        log.warn("{} - broker not answering ({}); trying again", stage.name(), e.toString());
        if (producer != null) {
          producer.close(Duration.ZERO);
          producer = null;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
    return producer == null ? newProducer() : producer;
  }

  private KafkaProducer<String, byte[]> newProducer() {
    KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(config.transactionalProducer(transactionalId));
    p.initTransactions();
    return p;
  }

  private void updateLag(KafkaConsumer<String, byte[]> c) {
    Set<TopicPartition> assigned = c.assignment();
    try {
      if (assigned.isEmpty()) {
        // No partitions of its own (more workers than partitions): still ask, to know the broker.
        c.endOffsets(List.of(new TopicPartition(inputTopic, 0)), Duration.ofSeconds(2));
        lastAnswer = clock.instant();
        metrics.lag(0);
        return;
      }
      Map<TopicPartition, Long> ends = c.endOffsets(assigned, Duration.ofSeconds(2));
      lastAnswer = clock.instant();
      long lag = 0;
      for (TopicPartition tp : assigned) {
        lag += Math.max(0, ends.getOrDefault(tp, 0L) - c.position(tp, Duration.ofSeconds(2)));
      }
      metrics.lag(lag);
    } catch (KafkaException e) {
      // The lag stays as last seen; the broker may be restarting.
    }
  }

  /**
   * After a transaction that ended on its time budget: seeks each partition of the poll back to its
   * first record not handled, so the next poll fetches it again.
   */
  private static void rewindUnhandled(
      KafkaConsumer<String, byte[]> c,
      ConsumerRecords<String, byte[]> records,
      Map<TopicPartition, OffsetAndMetadata> done) {
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> rs = records.records(tp);
      long last = rs.get(rs.size() - 1).offset();
      OffsetAndMetadata d = done.get(tp);
      if (d == null) {
        c.seek(tp, rs.get(0).offset());
      } else if (d.offset() <= last) {
        c.seek(tp, d.offset());
      }
    }
  }
}
