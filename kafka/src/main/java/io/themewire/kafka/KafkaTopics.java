package io.themewire.kafka;

import io.themewire.core.json.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics between stages, each with one writer: {@code items.raw} (ingest), {@code
 * items.classified} (classify; compacted, so any index can be rebuilt from it), {@code items.dead}
 * (every stage's give-ups) and {@code sources} (compacted; the sources ingest workers share).
 *
 * @param prefix put before every name; empty in production, unique per test
 */
public record KafkaTopics(String prefix) {

  public static final KafkaTopics DEFAULT = new KafkaTopics("");

  public KafkaTopics {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.matches("[A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "topic prefix may hold letters, digits, '.', '_' and '-', got '" + prefix + "'");
    }
  }

  public String raw() {
    return prefix + Topic.ITEMS_RAW.name();
  }

  public String classified() {
    return prefix + Topic.ITEMS_CLASSIFIED.name();
  }

  public String dead() {
    return prefix + Topic.ITEMS_DEAD.name();
  }

  public String sources() {
    return prefix + "sources";
  }

  /** Every topic with its explicit settings. */
  public List<NewTopic> definitions(int partitions, short replication) {
    String week = Long.toString(7L * 24 * 3600 * 1000);
    String month = Long.toString(30L * 24 * 3600 * 1000);
    String maxBytes = Integer.toString(KafkaConfig.MAX_MESSAGE_BYTES);
    String minIsr = Integer.toString(Math.max(1, replication - 1));
    return List.of(
        new NewTopic(raw(), partitions, replication)
            .configs(
                Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, week,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)),
        new NewTopic(classified(), partitions, replication)
            .configs(
                Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)),
        new NewTopic(dead(), partitions, replication)
            .configs(
                Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, month,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)),
        new NewTopic(sources(), partitions, replication)
            .configs(
                Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    minIsr)));
  }

  /**
   * Creates the topics that are missing (existing ones are left as they are). The replication
   * factor is 3, or the number of brokers when there are fewer.
   */
  public void ensure(Admin admin, int partitions)
      throws ExecutionException, InterruptedException, TimeoutException {
    int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
    short replication = (short) Math.max(1, Math.min(3, brokers));
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<NewTopic> missing = new ArrayList<>();
    for (NewTopic t : definitions(partitions, replication)) {
      if (!existing.contains(t.name())) {
        missing.add(t);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
      // Another process created it first.
    }
  }
}
