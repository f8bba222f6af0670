package io.themewire.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.themewire.core.json.Codec;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.DeadLetterSink;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceConfig;
import io.themewire.ingest.schedule.SourceHealth;
import io.themewire.ingest.source.IngestStage;
import io.themewire.kafka.Envelope;
import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.stage.ItemPublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest worker of {@code ingest --kafka B --config FILE}: the sources live in the compacted
 * {@code sources} topic, and the workers of one consumer group share its partitions, each polling
 * the sources of the partitions it holds — so no source is fetched by two workers, and a worker
 * that joins or leaves moves sources with the partitions.
 *
 * <p>The topic holds two kinds of record per source, both in the partition of the source's
 * location: {@code source:LOCATION} (its config: interval, name) and {@code health:LOCATION} (its
 * health after the last poll: next poll, validators, failures), written by the worker that polled
 * it. A worker that is given a partition reads it from the beginning and carries on from the saved
 * health: a source polled a minute ago by the worker that left is not fetched again before its
 * interval is over. Rebalance callbacks run inside {@code poll}, between ticks, after the health of
 * the tick is acknowledged; so a partition changes hands only between polls. A worker killed in the
 * middle of a tick has not saved that tick's health, and its successor fetches those sources once
 * more (the items are upserted by id downstream, so nothing is doubled in the index).
 *
 * <p>Items go to items.raw through the idempotent publisher; a source whose items were not all
 * acknowledged keeps its previous health, so it is polled again rather than skipped as unchanged.
 *
 * <p>Its figures, for {@code /metrics}: {@code ingest_polls_total{outcome}} (sources read, by the
 * outcome code of the read), {@code ingest_items_total{result}} (items acknowledged by the broker
 * or failed), {@code ingest_sources_owned} and {@code ingest_partitions_held}; {@link
 * #notReadyReason} says why it is not doing its share.
 */
final class KafkaSourceWorker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(KafkaSourceWorker.class);

  static final Envelope<SourceConfig> SOURCE = Envelope.of(Codec.of(SourceConfig.class));
  static final Envelope<SourceHealth> HEALTH = Envelope.of(Codec.of(SourceHealth.class));
  static final String SOURCE_KEY = "source:";
  static final String HEALTH_KEY = "health:";

  /** How long one look for new records (and for a stop) lasts between ticks. */
  static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConfig config;
  private final String group;
  private final Clock clock;
  private final PollSchedule schedule;
  private final SourcePolling polling;
  private final PublishingDownstream downstream;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> state;
  private final Map<Integer, Set<String>> owned = new HashMap<>();
  private final Set<String> owning = ConcurrentHashMap.newKeySet();
  private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicBoolean joined = new AtomicBoolean();
  private final int partitions;
  private final MeterRegistry meters;
  private final Map<String, Counter> polls = new ConcurrentHashMap<>();

  /** What went wrong with the broker in the last tick that had work, or null. */
  private volatile String brokerProblem;

  KafkaSourceWorker(
      KafkaConfig config,
      String group,
      IngestStage ingest,
      ItemPublisher publisher,
      DeadLetterSink deadLetters,
      Path stateFile,
      Clock clock,
      MeterRegistry meters) {
    this.config = config;
    this.meters = meters;
    this.group = group;
    this.clock = clock;
    this.schedule = new PollSchedule(List.of(), clock.instant(), new Random());
    this.downstream = new PublishingDownstream(publisher);
    this.polling =
        new SourcePolling(
            schedule, ingest::poll, downstream, () -> {}, deadLetters, clock, stateFile);
    this.consumer = new KafkaConsumer<>(config.consumer(group, 500));
    this.state = new KafkaProducer<>(config.producer(group + "-state"));
    this.partitions = partitionCount(config);
    FunctionCounter.builder("ingest_items_total", publisher, ItemPublisher::acknowledged)
        .description("Items this ingest worker published to items.raw, by the broker's answer")
        .tag("result", "acknowledged")
        .register(meters);
    FunctionCounter.builder("ingest_items_total", publisher, ItemPublisher::failed)
        .description("Items this ingest worker published to items.raw, by the broker's answer")
        .tag("result", "failed")
        .register(meters);
    Gauge.builder("ingest_sources_owned", owning, Set::size)
        .description("Sources this ingest worker polls now")
        .register(meters);
    Gauge.builder("ingest_partitions_held", assigned, Set::size)
        .description("Partitions of the sources topic this ingest worker holds now")
        .register(meters);
  }

  /**
   * Why this worker is not doing its share now, or empty: it has not joined its group yet, or in
   * its last tick with work the broker did not take every item or the sources' health.
   */
  Optional<String> notReadyReason() {
    if (!joined.get()) {
      return Optional.of("not yet a member of group " + group);
    }
    return Optional.ofNullable(brokerProblem);
  }

  private void countPoll(String outcome) {
    polls
        .computeIfAbsent(
            outcome,
            o ->
                Counter.builder("ingest_polls_total")
                    .description("Sources this ingest worker read, by outcome")
                    .tag("outcome", o)
                    .register(meters))
        .increment();
  }

  /**
   * Puts {@code sources} into the topic (each worker does at start; the same config twice is one
   * record after compaction). Returns when the broker has every one.
   */
  static void announce(KafkaConfig config, List<SourceConfig> sources) {
    int partitions = partitionCount(config);
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(config.producer("themewire-sources-announce"))) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (SourceConfig s : sources) {
        sent.add(
            p.send(
                new ProducerRecord<>(
                    config.topics().sources(),
                    partitionOf(s.location(), partitions),
                    SOURCE_KEY + s.location(),
                    SOURCE.encode(s))));
      }
      for (var f : sent) {
        f.get(2, TimeUnit.MINUTES);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot write the sources to " + config.topics().sources() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the sources", e);
    }
  }

  /** The partition of a source's records: by its location, so config and health sit together. */
  static int partitionOf(String location, int partitions) {
    return Utils.toPositive(Utils.murmur2(location.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static int partitionCount(KafkaConfig config) {
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config.consumer(null, 1))) {
      return c.partitionsFor(config.topics().sources(), Duration.ofSeconds(30)).size();
    }
  }

  /** The locations this worker polls now (read by other threads, for reports and tests). */
  Set<String> owned() {
    return Set.copyOf(owning);
  }

  /** The partitions of the sources topic this worker holds now. */
  Set<Integer> partitions() {
    return Set.copyOf(assigned);
  }

  /** Asks {@link #run} to end after the source it is reading; callable from any thread. */
  void stop() {
    stopped.set(true);
    polling.stop();
    consumer.wakeup();
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(config.topics().sources()), new Rebalance());
      log.info("ingest - sharing the sources of {} as group {}", config.topics().sources(), group);
      while (!stopped.get()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          take(r);
        }
        tick();
      }
    } catch (WakeupException e) {
      if (!stopped.get()) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // Leaving the group hands the partitions on at once.
      consumer.close(Duration.ofSeconds(30));
      state.close(Duration.ofSeconds(30));
      log.info("ingest - left group {}", group);
    }
  }

  /** Polls the sources due now; saves their health to the topic once their items are acked. */
  private void tick() throws InterruptedException {
    Map<String, SourceHealth> before = new HashMap<>();
    for (SourceHealth h : schedule.health()) {
      before.put(h.location(), h);
    }
    List<SourcePolling.Polled> polled = polling.tick();
    if (polled.isEmpty()) {
      return;
    }
    polled.forEach(p -> countPoll(p.code()));
    boolean allAcked = downstream.takeAllAcknowledged();
    String problem = allAcked ? null : "items not acknowledged by the broker";
    Instant now = clock.instant();
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (SourcePolling.Polled p : polled) {
      if (!allAcked && p.newItems() > 0) {
        // Not every item of it is in items.raw: keep the old health, so it is read again.
        schedule.restore(before.get(p.location()), now);
        log.warn("{} - items not all acknowledged; it is polled again", p.location());
        continue;
      }
      SourceHealth h = schedule.health(p.location());
      sent.add(
          state.send(
              new ProducerRecord<>(
                  config.topics().sources(),
                  partitionOf(p.location(), partitions),
                  HEALTH_KEY + p.location(),
                  HEALTH.encode(h))));
    }
    for (var f : sent) {
      try {
        f.get(2, TimeUnit.MINUTES);
      } catch (ExecutionException | TimeoutException e) {
        log.error("ingest - source health not saved to the topic: {}", e.toString());
        problem = "source health not saved to the broker: " + Main.firstLine(e.toString());
      }
    }
    brokerProblem = problem;
  }

  /** A config record seen after assignment: a source added to the topic while running. */
  private void take(ConsumerRecord<String, byte[]> r) {
    if (r.key() == null || !r.key().startsWith(SOURCE_KEY) || r.value() == null) {
      return;
    }
    try {
      SourceConfig s = SOURCE.decode(r.value());
      if (schedule.add(s, clock.instant())) {
        owned.computeIfAbsent(r.partition(), p -> new TreeSet<>()).add(s.location());
        owning.add(s.location());
        log.info("ingest - new source {}", s.location());
      }
    } catch (Envelope.BadRecordException e) {
      log.warn("ingest - unreadable source record {}: {}", r.key(), e.getMessage());
    }
  }

  /**
   * Reads partitions of the topic from the beginning to their end now: their sources and saved
   * health, which this worker then polls. Returns each partition's end offset.
   */
  private Map<TopicPartition, Long> load(Collection<TopicPartition> parts) {
    Map<String, SourceConfig> sources = new LinkedHashMap<>();
    Map<String, Integer> partitionOfSource = new HashMap<>();
    Map<String, SourceHealth> health = new HashMap<>();
    Map<TopicPartition, Long> end;
    try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(config.consumer(null, 500))) {
      reader.assign(parts);
      reader.seekToBeginning(parts);
      end = reader.endOffsets(parts, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (parts.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + parts + " to their end");
        }
        for (ConsumerRecord<String, byte[]> r : reader.poll(POLL)) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() >= end.get(tp) || r.key() == null) {
            continue;
          }
          try {
            if (r.key().startsWith(SOURCE_KEY)) {
              String location = r.key().substring(SOURCE_KEY.length());
              if (r.value() == null) {
                sources.remove(location);
              } else {
                sources.put(location, SOURCE.decode(r.value()));
                partitionOfSource.put(location, r.partition());
              }
            } else if (r.key().startsWith(HEALTH_KEY) && r.value() != null) {
              health.put(r.key().substring(HEALTH_KEY.length()), HEALTH.decode(r.value()));
            }
          } catch (Envelope.BadRecordException e) {
            log.warn("ingest - unreadable source record {}: {}", r.key(), e.getMessage());
          }
        }
      }
    }
    Instant now = clock.instant();
    for (TopicPartition tp : parts) {
      owned.computeIfAbsent(tp.partition(), p -> new TreeSet<>());
      assigned.add(tp.partition());
    }
    for (SourceConfig s : sources.values()) {
      schedule.add(s, now);
      SourceHealth saved = health.get(s.location());
      if (saved != null) {
        schedule.restore(saved, now);
      }
      owned.get(partitionOfSource.get(s.location())).add(s.location());
      owning.add(s.location());
    }
    return end;
  }

  private void drop(Collection<TopicPartition> parts) {
    for (TopicPartition tp : parts) {
      assigned.remove(tp.partition());
      Set<String> gone = owned.remove(tp.partition());
      if (gone != null) {
        for (String location : gone) {
          schedule.remove(location);
          owning.remove(location);
        }
      }
    }
  }

  /** Takes up and gives up sources with the partitions (called inside poll, between ticks). */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> parts) {
      joined.set(true);
      if (parts.isEmpty()) {
        return;
      }
      load(parts).forEach(consumer::seek);
      log.info(
          "ingest - now polling {} sources of partitions {}",
          owning.size(),
          new TreeSet<>(owned.keySet()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> parts) {
      drop(parts);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> parts) {
      drop(parts);
    }
  }

  /** items.raw as the polling loop's downstream: waiting means every item acknowledged. */
  private static final class PublishingDownstream implements SourcePolling.Downstream {
    private final ItemPublisher publisher;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    private boolean failed;

    PublishingDownstream(ItemPublisher publisher) {
      this.publisher = publisher;
    }

    @Override
    public void submit(RawItem item) {
      pending.add(publisher.publish(item));
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
      publisher.flush();
      for (CompletableFuture<?> f : pending) {
        try {
          f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
          failed = true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failed = true;
        }
      }
      pending.clear();
      return !failed;
    }

    /** Whether everything since the last call was acknowledged; resets. */
    boolean takeAllAcknowledged() {
      if (!pending.isEmpty()) {
        awaitIdle(SourcePolling.DRAIN_TIMEOUT);
      }
      boolean ok = !failed;
      failed = false;
      return ok;
    }
  }
}
