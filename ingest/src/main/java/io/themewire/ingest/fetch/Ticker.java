package io.themewire.ingest.fetch;

/** A monotonic nanosecond clock for deadlines, so that tests can move time on without waiting. */
@FunctionalInterface
public interface Ticker {

  /** {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;

  /** Nanoseconds from an arbitrary origin; only differences mean anything. */
  long nanos();
}
