package io.themewire.app;

import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import io.themewire.kafka.broker.BrokerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Where is a broker? {@code KAFKA_BOOTSTRAP_SERVERS} when set (CI starts one for the build); else
 * Testcontainers' {@code apache/kafka} when a Docker engine answers; else a child-process broker
 * from the broker module's jars. One per test JVM, started on first use, stopped at exit. Tests
 * take unique topics ({@link #freshConfig()}), groups and transactional ids, so they can share it.
 */
final class TestBroker {

  /** The image Testcontainers runs when Docker is there. */
  static final String IMAGE = "apache/kafka:4.1.0";

  private static String bootstrap;

  private TestBroker() {}

  /** {@code HOST:PORT} of the shared broker. */
  static synchronized String bootstrap() throws Exception {
    if (bootstrap != null) {
      return bootstrap;
    }
    String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (env != null && !env.isBlank()) {
      bootstrap = env.strip();
    } else if (dockerAnswers()) {
      KafkaContainer container = new KafkaContainer(IMAGE);
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "tw-test-kafka-stop"));
      bootstrap = container.getBootstrapServers().replace("PLAINTEXT://", "");
    } else {
      Path dir = Files.createTempDirectory("themewire-test-broker-");
      BrokerProcess broker =
          BrokerProcess.start(
              BrokerProcess.defaultLib(), dir, 0, BrokerProcess.DEFAULT_START_TIMEOUT);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    broker.stop();
                    BrokerProcess.deleteRecursively(dir);
                  },
                  "tw-test-broker-stop"));
      bootstrap = broker.bootstrapServers();
    }
    return bootstrap;
  }

  /** A config on the shared broker with topics of its own ({@code t<random>.items.raw}, ...). */
  static KafkaConfig freshConfig() throws Exception {
    return new KafkaConfig(bootstrap(), new KafkaTopics(uniquePrefix()), 3);
  }

  static String uniquePrefix() {
    return "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  /** Whether a Docker engine answers (false here: only the client is installed). */
  static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
