package io.themewire.core.message;

import java.time.Instant;
import java.util.Objects;

/**
 * An input a stage could not handle, kept with the reason so that nothing is lost silently.
 *
 * @param stage the stage that gave up
 * @param reason a short stable code ({@code parse-error}, {@code too-large}, {@code exception})
 * @param message a human-readable explanation
 * @param payload the original input, as JSON or text
 * @param at when it happened
 */
public record DeadLetter(String stage, String reason, String message, String payload, Instant at) {
  public DeadLetter {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    message = message == null ? "" : message;
    payload = payload == null ? "" : payload;
  }
}
