package io.themewire.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces requests to one host: each waits until {@code delay} after the previous one to the same
 * host was let through. Requests to other hosts do not wait for it. Thread-safe.
 */
final class HostThrottle {

  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Instant> next = new HashMap<>();

  HostThrottle(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits for this host's turn, then books the next turn {@code delay} later. */
  void acquire(String host, Duration delay) throws InterruptedException {
    Duration wait;
    synchronized (this) {
      Instant now = clock.instant();
      Instant turn = next.getOrDefault(host, now);
      if (turn.isBefore(now)) {
        turn = now;
      }
      next.put(host, turn.plus(delay));
      wait = Duration.between(now, turn);
    }
    if (!wait.isZero() && !wait.isNegative()) {
      sleeper.sleep(wait);
    }
  }
}
