package io.themewire.kafka.stage;

import io.themewire.core.json.Topic;
import io.themewire.core.message.RawItem;
import io.themewire.kafka.Envelope;
import io.themewire.kafka.KafkaConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Ingest's writer of items.raw: an idempotent producer with {@code acks=all}, keyed by item id. An
 * item is acknowledged when its future completes: it is then in every in-sync replica's log.
 * Thread-safe.
 */
public final class ItemPublisher implements AutoCloseable {

  private static final Envelope<RawItem> RAW = Envelope.of(Topic.ITEMS_RAW.codec());

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public ItemPublisher(KafkaConfig config, String clientId) {
    this.producer = new KafkaProducer<>(config.producer(clientId));
    this.topic = config.topics().raw();
  }

  /** Sends one item; the future completes when the broker has it, or fails after retries. */
  public CompletableFuture<RecordMetadata> publish(RawItem item) {
    CompletableFuture<RecordMetadata> f = new CompletableFuture<>();
    producer.send(
        new ProducerRecord<>(topic, item.id().value(), RAW.encode(item)),
        (md, e) -> {
          if (e == null) {
            acknowledged.incrementAndGet();
            f.complete(md);
          } else {
            failed.incrementAndGet();
            f.completeExceptionally(e);
          }
        });
    return f;
  }

  /** Waits until every item sent so far is acknowledged or failed. */
  public void flush() {
    producer.flush();
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
