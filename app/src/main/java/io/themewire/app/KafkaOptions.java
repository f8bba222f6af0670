package io.themewire.app;

import io.themewire.kafka.KafkaConfig;
import io.themewire.kafka.KafkaTopics;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of every command that can run over Kafka. */
final class KafkaOptions {

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description = "Run over this Kafka broker (bootstrap servers, comma-separated).")
  String bootstrap;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      defaultValue = "",
      description = "Put before every topic and group name, so several pipelines share a broker.")
  String topicPrefix;

  @Option(
      names = "--partitions",
      defaultValue = "" + KafkaConfig.DEFAULT_PARTITIONS,
      description = "Partitions of the topics this process creates (default: ${DEFAULT-VALUE}).")
  int partitions;

  boolean enabled() {
    return bootstrap != null;
  }

  /** The config, or a one-line usage error naming the bad option. */
  KafkaConfig config(CommandSpec spec) {
    try {
      return new KafkaConfig(bootstrap.strip(), new KafkaTopics(topicPrefix), partitions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--kafka: " + e.getMessage());
    }
  }
}
