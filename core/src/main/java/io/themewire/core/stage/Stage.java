package io.themewire.core.stage;

/**
 * One step of the pipeline: a plain object that turns one input into an {@link Outcome}, knowing
 * nothing of how inputs reach it (in-memory queues or Kafka topics).
 *
 * <p>Contract: {@link #process} is called from several threads at once, so implementations are
 * thread-safe. It never throws for a bad input: bad input is a {@link Outcome.Failed}. A runner
 * still treats a thrown exception as a failure of that input only.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public interface Stage<I, O> extends AutoCloseable {

  /** A short name for logs, metrics and dead letters: {@code ingest}, {@code classify}, ... */
  String name();

  /** Handles one input. */
  Outcome<O> process(I input);

  /**
   * Makes the effect of everything processed so far durable (an index commit). No-op by default.
   */
  default void flush() {}

  /** Releases resources after the last call to {@link #process}. No-op by default. */
  @Override
  default void close() {}
}
