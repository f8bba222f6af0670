package io.themewire.ingest.fetch;

import java.time.Duration;

/** Waits. Injected so that rate limits are tested without sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Really waits. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
