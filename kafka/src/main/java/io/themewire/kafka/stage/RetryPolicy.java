package io.themewire.kafka.stage;

import java.time.Duration;

/**
 * How often a record that fails is tried before it goes to items.dead, and the pause between tries
 * (doubling). Unreadable records (bad JSON, unknown schema) are not retried: reading them again
 * cannot help.
 *
 * @param maxAttempts tries in all, at least 1; default {@value #DEFAULT_MAX_ATTEMPTS}
 * @param firstBackoff pause after the first failure; default 100 ms
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff) {

  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(100));

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts must be 1..20, got " + maxAttempts);
    }
    if (firstBackoff.isNegative() || firstBackoff.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("firstBackoff must be 0..10s, got " + firstBackoff);
    }
  }

  Duration backoffAfter(int attempt) {
    return firstBackoff.multipliedBy(1L << Math.min(10, attempt - 1));
  }
}
