package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Testcontainers path: the same topic set-up on {@code apache/kafka} in Docker. Skipped where
 * no Docker engine answers (as on our machines); the real assertions also run on the child-process
 * broker through {@link TestBroker} in the other Kafka tests.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaTestcontainersIT {

  @Container static final KafkaContainer KAFKA = new KafkaContainer(TestBroker.IMAGE);

  @Test
  void topics_areCreatedWithTheirSettings_onTheApacheKafkaImage() throws Exception {
    KafkaConfig config =
        new KafkaConfig(
            KAFKA.getBootstrapServers().replace("PLAINTEXT://", ""),
            new KafkaTopics(TestBroker.uniquePrefix()),
            6);
    try (Admin admin = Admin.create(config.admin())) {
      config.topics().ensure(admin, config.partitions());
      Map<String, ?> described =
          admin
              .describeTopics(java.util.List.of(config.topics().classified()))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS);
      assertThat(described).containsKey(config.topics().classified());
    }
  }
}
