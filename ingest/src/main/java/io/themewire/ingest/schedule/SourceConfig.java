package io.themewire.ingest.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * One source to poll, as configured.
 *
 * @param location a file path or an http(s) URL, as {@link
 *     io.themewire.ingest.source.SourceRequest} takes it; the key of the source's health
 * @param interval time between successful polls; null means {@link #DEFAULT_INTERVAL}; at least
 *     {@link #MIN_INTERVAL}, at most {@link #MAX_INTERVAL}
 * @param name a human-readable name, or null
 */
public record SourceConfig(String location, Duration interval, String name) {

  /** Poll interval when none is configured. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

  /** The shortest poll interval: sources are other people's servers. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  /** The longest poll interval: a source polled less often than weekly is a mistake. */
  public static final Duration MAX_INTERVAL = Duration.ofDays(7);

  public SourceConfig {
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("source location is blank");
    }
    interval = interval == null ? DEFAULT_INTERVAL : interval;
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "interval of "
              + location
              + " must be "
              + MIN_INTERVAL
              + " to "
              + MAX_INTERVAL
              + ", got "
              + interval);
    }
    name = name == null || name.isBlank() ? null : name.strip();
  }

  /** A source polled every {@link #DEFAULT_INTERVAL}, without a name. */
  public static SourceConfig of(String location) {
    return new SourceConfig(location, null, null);
  }
}
