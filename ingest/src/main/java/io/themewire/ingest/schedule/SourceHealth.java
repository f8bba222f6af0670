package io.themewire.ingest.schedule;

import io.themewire.ingest.fetch.Validators;
import java.time.Instant;
import java.util.Objects;

/**
 * How one configured source is doing, as of its last poll. Immutable; {@link PollSchedule} makes a
 * new one per poll. Serialised as JSON in the schedule's state file.
 *
 * @param location the source's file path or URL; never blank
 * @param name its configured name, or null
 * @param lastSuccess when a poll last succeeded (new items, or nothing new), or null if never
 * @param lastError the most recent failure, or null if none; kept after a recovery, so read it with
 *     {@code consecutiveFailures}
 * @param itemsSeen items this source has delivered: new or changed items summed over all polls, and
 *     at least the items of its last document, stored before or not; never negative
 * @param consecutiveFailures failed polls since the last success; 0 when healthy
 * @param nextPoll when the source is due again; never null
 * @param validators what the last fetched body said about itself (ETag, Last-Modified, body hash),
 *     sent on the next fetch to ask whether it changed; {@link Validators#NONE} for files and
 *     before the first fetch
 */
public record SourceHealth(
    String location,
    String name,
    Instant lastSuccess,
    LastError lastError,
    long itemsSeen,
    int consecutiveFailures,
    Instant nextPoll,
    Validators validators) {

  public SourceHealth {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(nextPoll, "nextPoll");
    if (location.isBlank()) {
      throw new IllegalArgumentException("source location is blank");
    }
    if (itemsSeen < 0) {
      throw new IllegalArgumentException(
          "itemsSeen of " + location + " must not be negative, got " + itemsSeen);
    }
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException(
          "consecutiveFailures of "
              + location
              + " must not be negative, got "
              + consecutiveFailures);
    }
    validators = validators == null ? Validators.NONE : validators;
  }

  /** A source never polled yet, due at {@code now}. */
  public static SourceHealth fresh(SourceConfig source, Instant now) {
    return new SourceHealth(
        source.location(), source.name(), null, null, 0, 0, now, Validators.NONE);
  }

  /**
   * A failed poll.
   *
   * @param reason the stable failure code ({@code not-found}, {@code http-503}, {@code timeout},
   *     ...)
   * @param message what happened, for a person; one line
   * @param at when it happened
   */
  public record LastError(String reason, String message, Instant at) {
    public LastError {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
      message = message == null ? reason : message;
    }
  }
}
