package io.themewire.kafka.stage;

import io.themewire.core.json.Topic;
import io.themewire.core.message.DeadLetter;
import io.themewire.kafka.KafkaConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Puts dead letters back on the topic they came from (header {@code tw.origin.topic}), with their
 * original key and value, so a fixed stage can try them again. Reads items.dead as the group {@code
 * <prefix>themewire-replay}, up to the end it had when it started, and commits what it replayed: a
 * second replay does not repeat the first.
 */
public final class DeadLetterReplay {

  /** What one replay did. */
  public record Result(long replayed, long skipped) {}

  private DeadLetterReplay() {}

  public static Result run(KafkaConfig config, Predicate<String> stageFilter)
      throws InterruptedException, ExecutionException {
    String dead = config.topics().dead();
    long replayed = 0;
    long skipped = 0;
    try (KafkaConsumer<String, byte[]> c =
            new KafkaConsumer<>(
                config.consumer(config.topics().prefix() + "themewire-replay", 500));
        KafkaProducer<String, byte[]> p =
            new KafkaProducer<>(config.producer("themewire-replay"))) {
      List<TopicPartition> partitions =
          c.partitionsFor(dead, Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      c.assign(partitions);
      Map<TopicPartition, OffsetAndMetadata> committed = c.committed(Set.copyOf(partitions));
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata o = committed.get(tp);
        if (o == null) {
          c.seekToBeginning(List.of(tp));
        } else {
          c.seek(tp, o.offset());
        }
      }
      Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(30));
      while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
            continue;
          }
          String origin = DeadLetterRecords.header(r.headers(), DeadLetterRecords.ORIGIN_TOPIC);
          DeadLetter letter = Topic.ITEMS_DEAD.codec().decode(r.value());
          if (origin == null || origin.isBlank() || !stageFilter.test(letter.stage())) {
            skipped++;
            continue;
          }
          p.send(
                  new ProducerRecord<>(
                      origin, r.key(), letter.payload().getBytes(StandardCharsets.UTF_8)))
              .get();
          replayed++;
        }
      }
      p.flush();
      Map<TopicPartition, OffsetAndMetadata> done = new java.util.HashMap<>();
      for (TopicPartition tp : partitions) {
        done.put(tp, new OffsetAndMetadata(end.get(tp)));
      }
      c.commitSync(done);
    }
    return new Result(replayed, skipped);
  }
}
