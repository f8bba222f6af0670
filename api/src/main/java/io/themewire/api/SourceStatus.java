package io.themewire.api;

import java.time.Instant;
import java.util.Objects;

/**
 * How one polled source is doing, as {@code GET /api/sources} describes it. The API's own view of
 * the scheduler's source health, so that the API does not depend on ingest.
 *
 * @param location the source's file path or URL; never null
 * @param name its configured name, or null
 * @param lastSuccess when a poll last succeeded, or null if never
 * @param lastError the most recent failure, or null if none; kept after a recovery, so read it with
 *     {@code consecutiveFailures}
 * @param itemsSeen items the source has delivered: new or changed ones over all polls, and at least
 *     the items of its last document, whether stored before or not
 * @param consecutiveFailures failed polls since the last success; 0 when healthy
 * @param nextPoll when it will be polled next; never null
 */
public record SourceStatus(
    String location,
    String name,
    Instant lastSuccess,
    LastError lastError,
    long itemsSeen,
    int consecutiveFailures,
    Instant nextPoll) {

  public SourceStatus {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(nextPoll, "nextPoll");
  }

  /**
   * A failed poll.
   *
   * @param reason a stable code such as {@code not-found}, {@code timeout} or {@code http-503}
   * @param message what happened, one line
   * @param at when
   */
  public record LastError(String reason, String message, Instant at) {}
}
