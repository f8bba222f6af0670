package io.themewire.core.stage;

import io.themewire.core.message.DeadLetter;

/** Where failures go so that nothing is lost: a log file, or the {@code items.dead} topic. */
@FunctionalInterface
public interface DeadLetterSink {
  /** Stores one dead letter. Thread-safe. */
  void accept(DeadLetter letter);
}
