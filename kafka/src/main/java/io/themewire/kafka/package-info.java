/**
 * The Kafka transport between stages: {@link io.themewire.kafka.KafkaTopics} (names and settings of
 * items.raw, items.classified, items.dead, sources), {@link io.themewire.kafka.Envelope} (JSON
 * values with a schema version) and {@link io.themewire.kafka.KafkaConfig} (client settings, one
 * comment per non-default). The runners that move records through stages are in {@code stage}; the
 * child-process broker for development and tests is in {@code broker}. Read KafkaConfig first.
 */
package io.themewire.kafka;
