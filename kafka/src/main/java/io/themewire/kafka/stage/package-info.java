/**
 * Runners that move records through the transport-free {@link io.themewire.core.stage.Stage}s over
 * Kafka: {@link io.themewire.kafka.stage.TransformRunner} (topic to topic in transactions, a
 * consumer group sharing the partitions), {@link io.themewire.kafka.stage.SinkRunner} (topic into a
 * store that keeps the offsets in its own commit, such as the Lucene index), {@link
 * io.themewire.kafka.stage.ItemPublisher} (ingest's idempotent producer) and {@link
 * io.themewire.kafka.stage.DeadLetterReplay}. Poison records are retried a bounded number of times,
 * then written to items.dead with headers naming where they came from.
 */
package io.themewire.kafka.stage;
