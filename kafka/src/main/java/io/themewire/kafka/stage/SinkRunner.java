package io.themewire.kafka.stage;

import io.themewire.core.stage.Stage;
import io.themewire.kafka.Envelope;
import io.themewire.kafka.KafkaConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a topic into a store that keeps the offsets in its own commit (see
 * {@link Checkpoint}): on start it seeks to the offsets of the store's last commit, then writes
 * each record through the stage and commits store and offsets together every {@code
 * commitInterval}. A crash between two commits replays at most that window, and the stage upserts
 * by id, so nothing is lost and nothing doubled. Each process holds a whole replica, so there is no
 * consumer group: every node reads every partition. One thread; {@link #stop()} from another.
 *
 * <p>Also the readiness signals of a node: {@link #brokerReachable()} and {@link #caughtUp()}.
 */
public final class SinkRunner<T> implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(SinkRunner.class);

  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);

  /** How long without an answer from the broker before it counts as unreachable. */
  public static final Duration UNREACHABLE_AFTER = Duration.ofSeconds(5);

  private final KafkaConfig config;
  private final String topic;
  private final Stage<T, ?> stage;
  private final Attempts<T, ?> attempts;
  private final Checkpoint checkpoint;
  private final StageMetrics metrics;
  private final Clock clock;
  private final Duration commitInterval;
  private final boolean stopAtEnd;
  private final HaltPoints halts = HaltPoints.fromEnvironment();
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Instant lastAnswer;
  private volatile boolean caughtUp;
  private volatile long lag = -1;
  private volatile String failure;

  public SinkRunner(
      KafkaConfig config,
      String topic,
      Envelope<T> input,
      Stage<T, ?> stage,
      Checkpoint checkpoint,
      RetryPolicy retries,
      StageMetrics metrics,
      Clock clock,
      Duration commitInterval,
      boolean stopAtEnd) {
    this.config = config;
    this.topic = topic;
    this.stage = stage;
    this.attempts = new Attempts<>(stage, input, retries);
    this.checkpoint = checkpoint;
    this.metrics = metrics;
    this.clock = clock;
    this.commitInterval = commitInterval;
    this.stopAtEnd = stopAtEnd;
    this.lastAnswer = clock.instant();
  }

  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  /** Whether the broker answered within {@link #UNREACHABLE_AFTER}. */
  public boolean brokerReachable() {
    return Duration.between(lastAnswer, clock.instant()).compareTo(UNREACHABLE_AFTER) < 0;
  }

  /** Whether this replica has once reached the end of the log since it started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Records not yet in the store, or -1 before the first look. */
  public long lag() {
    return lag;
  }

  /** Why the loop ended, when it ended on an error. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Why this node should not take traffic, if it should not. */
  public Optional<String> notReadyReason() {
    if (failure != null) {
      return Optional.of("index: " + failure);
    }
    if (!brokerReachable()) {
      return Optional.of("kafka: down (no answer from " + config.bootstrapServers() + ")");
    }
    if (!caughtUp) {
      return Optional.of("index: catching up" + (lag >= 0 ? " (" + lag + " records behind)" : ""));
    }
    return Optional.empty();
  }

  @Override
  public void run() {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config.consumer(null, 500));
        KafkaProducer<String, byte[]> deadLetters =
            new KafkaProducer<>(config.producer(stage.name() + "-dead-letters"))) {
      consumer = c;
      List<TopicPartition> partitions = partitions(c);
      c.assign(partitions);
      Map<String, String> saved = checkpoint.read();
      for (TopicPartition tp : partitions) {
        String off = saved.get(key(tp));
        if (off == null) {
          c.seekToBeginning(List.of(tp));
        } else {
          c.seek(tp, Long.parseLong(off));
        }
      }
      log.info(
          "{} - reading {} partitions of {} from {}",
          stage.name(),
          partitions.size(),
          topic,
          saved.isEmpty() ? "the beginning" : "the offsets of the last commit");
      Instant lastCommit = clock.instant();
      Instant lastLook = Instant.EPOCH;
      boolean dirty = false;
      while (running) {
        ConsumerRecords<String, byte[]> records;
        try {
          records = c.poll(Duration.ofMillis(200));
        } catch (WakeupException e) {
          break;
        }
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
          Attempts.Result<?> result = attempts.handle(r);
          if (result instanceof Attempts.Done<?> done) {
            metrics.outcome(done.code());
          } else {
            Attempts.Dead<?> dead = (Attempts.Dead<?>) result;
            log.warn(
                "{} - {}-{}@{} to {} after {} attempt(s): {}",
                stage.name(),
                r.topic(),
                r.partition(),
                r.offset(),
                config.topics().dead(),
                dead.attempt(),
                dead.message());
            sent.add(
                deadLetters.send(
                    DeadLetterRecords.of(
                        config.topics().dead(),
                        r,
                        stage.name(),
                        dead.reason(),
                        dead.message(),
                        dead.cause(),
                        dead.attempt(),
                        clock.instant())));
            metrics.outcome(dead.reason());
            metrics.dead();
          }
          dirty = true;
        }
        // A dead letter is in the log before its offset is committed past it.
        for (java.util.concurrent.Future<?> f : sent) {
          f.get();
        }
        Instant now = clock.instant();
        boolean look = Duration.between(lastLook, now).toMillis() >= 500;
        boolean atEnd = false;
        if (look) {
          lastLook = now;
          atEnd = lookAtEnd(c, partitions);
        }
        if (dirty
            && (Duration.between(lastCommit, now).compareTo(commitInterval) >= 0
                || (atEnd && stopAtEnd))) {
          commit(c, partitions);
          lastCommit = now;
          dirty = false;
        }
        if (atEnd && stopAtEnd && !dirty) {
          break;
        }
      }
      if (dirty) {
        commit(c, partitions);
      }
    } catch (WakeupException e) {
      // stopped
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | ExecutionException | RuntimeException e) {
      failure = e.toString();
      log.error("{} - stopped on an error: {}", stage.name(), e.toString(), e);
    } finally {
      stage.close();
    }
    log.info("{} - stopped", stage.name());
  }

  private boolean lookAtEnd(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
    try {
      Map<TopicPartition, Long> ends = c.endOffsets(partitions, Duration.ofSeconds(2));
      long behind = 0;
      for (TopicPartition tp : partitions) {
        behind += Math.max(0, ends.getOrDefault(tp, 0L) - c.position(tp, Duration.ofSeconds(2)));
      }
      lastAnswer = clock.instant();
      lag = behind;
      metrics.lag(behind);
      if (behind == 0 && !caughtUp) {
        caughtUp = true;
        log.info("{} - caught up with {}", stage.name(), topic);
      }
      return behind == 0;
    } catch (KafkaException e) {
      return false;
    }
  }

  private void commit(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions)
      throws IOException {
    Map<String, String> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      offsets.put(key(tp), Long.toString(c.position(tp)));
    }
    halts.pass("sink-before-commit");
    checkpoint.commit(offsets);
    // There is no offset commit to Kafka after this one: the store's commit is the only record.
    halts.pass("sink-after-commit");
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(Duration.ofMinutes(5));
    while (running && clock.instant().isBefore(deadline)) {
      try {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos != null && !infos.isEmpty()) {
          lastAnswer = clock.instant();
          return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        }
      } catch (KafkaException e) {
        log.warn("{} - cannot list partitions of {} yet: {}", stage.name(), topic, e.toString());
      }
      TimeUnit.SECONDS.sleep(1);
    }
    throw new IllegalStateException(
        "topic " + topic + " not found on " + config.bootstrapServers());
  }

  static String key(TopicPartition tp) {
    return tp.topic() + "-" + tp.partition();
  }
}
