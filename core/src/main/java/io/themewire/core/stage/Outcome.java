package io.themewire.core.stage;

import java.util.List;
import java.util.Objects;

/**
 * What a stage made of one input. Exactly one of:
 *
 * <ul>
 *   <li>{@link Emitted}: zero or more outputs for the next stage (a feed gives many items);
 *   <li>{@link Skipped}: nothing to do, and nothing wrong (a duplicate, an unchanged page);
 *   <li>{@link Failed}: the input could not be handled; the runner counts it and writes a dead
 *       letter with the reason, and the stage moves on.
 * </ul>
 *
 * @param <O> the output type
 */
public sealed interface Outcome<O> {

  /** A short stable code for counting: {@code emitted}, {@code skipped} or the failure reason. */
  String code();

  static <O> Outcome<O> emitted(O value) {
    return new Emitted<>(List.of(value));
  }

  static <O> Outcome<O> emitted(List<O> values) {
    return new Emitted<>(values);
  }

  static <O> Outcome<O> skipped(String reason) {
    return new Skipped<>(reason);
  }

  static <O> Outcome<O> failed(String reason, String message) {
    return new Failed<>(reason, message, null);
  }

  static <O> Outcome<O> failed(String reason, String message, Throwable cause) {
    return new Failed<>(reason, message, cause);
  }

  /** Outputs for the next stage, in order. */
  record Emitted<O>(List<O> values) implements Outcome<O> {
    public Emitted {
      values = List.copyOf(values);
    }

    @Override
    public String code() {
      return "emitted";
    }
  }

  /** Nothing to pass on, and nothing wrong. */
  record Skipped<O>(String reason) implements Outcome<O> {
    public Skipped {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String code() {
      return "skipped";
    }
  }

  /**
   * The input could not be handled.
   *
   * @param reason a short stable code such as {@code parse-error} or {@code not-a-feed}
   * @param message what happened, for a person; one line
   * @param cause the exception behind it, or null
   */
  record Failed<O>(String reason, String message, Throwable cause) implements Outcome<O> {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      message = message == null ? reason : message;
    }

    @Override
    public String code() {
      return reason;
    }
  }
}
