package io.themewire.kafka.stage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A runner's figures: {@code stage_records_total{stage,outcome}}, {@code dlq_messages_total{stage}}
 * and {@code kafka_consumer_lag{stage}} (records behind the end of the input topic, all
 * partitions).
 */
public final class StageMetrics {

  private final MeterRegistry registry;
  private final String stage;
  private final ConcurrentMap<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Long> local = new ConcurrentHashMap<>();
  private final Counter dead;
  private final AtomicLong lag = new AtomicLong(-1);

  public StageMetrics(MeterRegistry registry, String stage) {
    this.registry = registry;
    this.stage = stage;
    this.dead =
        Counter.builder("dlq_messages_total")
            .description("Records a stage gave up on and wrote to items.dead")
            .tag("stage", stage)
            .register(registry);
    Gauge.builder("kafka_consumer_lag", lag, AtomicLong::get)
        .description("Records behind the end of the stage's input topic (-1 before the first look)")
        .tag("stage", stage)
        .register(registry);
  }

  void outcome(String code) {
    local.merge(code, 1L, Long::sum);
    outcomes
        .computeIfAbsent(
            code,
            c ->
                Counter.builder("stage_records_total")
                    .description("Records a stage handled, by outcome")
                    .tag("stage", stage)
                    .tag("outcome", c)
                    .register(registry))
        .increment();
  }

  void dead() {
    dead.increment();
  }

  void lag(long value) {
    lag.set(value);
  }

  /** Records behind, or -1 before the first look. */
  public long lag() {
    return lag.get();
  }

  /** How many records ended with this outcome code so far. */
  public long count(String code) {
    return local.getOrDefault(code, 0L);
  }

  public long deadCount() {
    return (long) dead.count();
  }
}
