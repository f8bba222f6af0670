package io.themewire.ingest.fetch;

import java.time.Duration;
import java.util.Random;

/**
 * When to try a failing source again: what the server asked for ({@code Retry-After}), or else
 * exponential backoff from {@link #BASE} with ±20% jitter, never more than {@link #MAX}.
 */
public final class Backoff {

  public static final Duration BASE = Duration.ofMinutes(1);
  public static final Duration MAX = Duration.ofHours(24);

  private Backoff() {}

  /**
   * @param consecutiveFailures failures in a row so far, at least 1
   * @param retryAfter what the server asked for, or null
   * @param random source of jitter
   */
  public static Duration next(int consecutiveFailures, Duration retryAfter, Random random) {
    Duration exponential =
        BASE.multipliedBy(1L << Math.min(20, Math.max(0, consecutiveFailures - 1)));
    double jitter = 0.8 + 0.4 * random.nextDouble();
    Duration jittered =
        Duration.ofMillis((long) (Math.min(exponential.toMillis(), MAX.toMillis()) * jitter));
    Duration wait =
        retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
