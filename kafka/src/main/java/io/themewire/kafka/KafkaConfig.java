package io.themewire.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where the broker is, which topics to use, and the client settings every stage shares. Keys are
 * item ids (strings), values envelope bytes.
 *
 * @param bootstrapServers {@code HOST:PORT[,HOST:PORT...]}
 * @param topics the topic names (a prefix lets tests share one broker)
 * @param partitions partitions of topics this process creates; default {@value #DEFAULT_PARTITIONS}
 */
public record KafkaConfig(String bootstrapServers, KafkaTopics topics, int partitions) {

  public static final int DEFAULT_PARTITIONS = 6;

  /** Largest value a stage writes: articles are capped at 10 MB before extraction. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  public KafkaConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topics, "topics");
    if (!bootstrapServers.matches("[^\\s,:]+:\\d+(,[^\\s,:]+:\\d+)*")) {
      throw new IllegalArgumentException(
          "bootstrap servers must be HOST:PORT[,HOST:PORT...], got '" + bootstrapServers + "'");
    }
    if (partitions < 1 || partitions > 1000) {
      throw new IllegalArgumentException("partitions must be 1..1000, got " + partitions);
    }
  }

  public static KafkaConfig of(String bootstrapServers) {
    return new KafkaConfig(bootstrapServers, KafkaTopics.DEFAULT, DEFAULT_PARTITIONS);
  }

  public Map<String, Object> admin() {
    Map<String, Object> m = new HashMap<>();
    m.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // Short calls so that a broker outage is noticed within seconds, not the default minute.
    m.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    m.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    return m;
  }

  /** An idempotent producer that waits for every in-sync replica (no loss, no duplicates). */
  public Map<String, Object> producer(String clientId) {
    Map<String, Object> m = new HashMap<>();
    m.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    m.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    m.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    m.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    m.put(ProducerConfig.ACKS_CONFIG, "all");
    m.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Keeps retrying through a broker restart of a few minutes before giving up on a record.
    m.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    m.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    // Article text compresses well.
    m.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    m.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    m.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_MESSAGE_BYTES);
    return m;
  }

  /** How long a transactional producer waits to fill a batch. */
  static final int TRANSACTIONAL_LINGER_MS = 200;

  /** A transactional producer: consume-transform-produce with exactly-once between topics. */
  public Map<String, Object> transactionalProducer(String transactionalId) {
    Map<String, Object> m = producer(transactionalId);
    m.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // A killed worker's open transaction blocks read_committed readers until it times out.
    m.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
    m.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    // Readers see a transaction's records only once it commits, and the commit flushes them: a
    // longer linger costs no latency and batches a slow stage's records into fewer requests
    // (one request per record at 5 ms, for a worker classifying one every 7 ms).
    m.put(ProducerConfig.LINGER_MS_CONFIG, TRANSACTIONAL_LINGER_MS);
    return m;
  }

  /** A consumer that sees committed transactions only and commits offsets itself. */
  public Map<String, Object> consumer(String groupId, int maxPollRecords) {
    Map<String, Object> m = new HashMap<>();
    m.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    if (groupId != null) {
      m.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    m.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    m.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    m.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    m.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    m.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    m.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    // Detect a killed worker in seconds, so its partitions move on quickly.
    m.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    m.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
    m.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_MESSAGE_BYTES);
    m.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    m.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return m;
  }
}
