package io.themewire.kafka.stage;

import io.themewire.core.stage.Outcome;
import io.themewire.core.stage.Stage;
import io.themewire.kafka.Envelope;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One record through a stage: decode, then up to {@link RetryPolicy#maxAttempts()} tries. */
final class Attempts<I, O> {

  /** What became of one record. */
  sealed interface Result<O> {}

  record Done<O>(List<O> outputs, String code) implements Result<O> {}

  record Dead<O>(String reason, String message, Throwable cause, int attempt)
      implements Result<O> {}

  private final Stage<I, O> stage;
  private final Envelope<I> input;
  private final RetryPolicy retries;

  Attempts(Stage<I, O> stage, Envelope<I> input, RetryPolicy retries) {
    this.stage = stage;
    this.input = input;
    this.retries = retries;
  }

  Result<O> handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
    I item;
    try {
      item = input.decode(record.value());
    } catch (Envelope.BadRecordException e) {
      return new Dead<>(e.reason(), e.getMessage(), e, 1);
    }
    Dead<O> last = null;
    for (int attempt = 1; attempt <= retries.maxAttempts(); attempt++) {
      if (attempt > 1) {
        Thread.sleep(retries.backoffAfter(attempt - 1).toMillis());
      }
      try {
        Outcome<O> outcome = stage.process(item);
        if (outcome instanceof Outcome.Emitted<O> e) {
          return new Done<>(e.values(), e.code());
        }
        if (outcome instanceof Outcome.Skipped<O> s) {
          return new Done<>(List.of(), s.code());
        }
        Outcome.Failed<O> f = (Outcome.Failed<O>) outcome;
        last = new Dead<>(f.reason(), f.message(), f.cause(), attempt);
      } catch (RuntimeException e) {
        last = new Dead<>("exception", String.valueOf(e), e, attempt);
      }
    }
    return last;
  }
}
