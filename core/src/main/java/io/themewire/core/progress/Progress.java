package io.themewire.core.progress;

/**
 * Reports how far a long piece of work (training, reclassifying, a benchmark) has come. The command
 * line draws a bar from it when stderr is a terminal; elsewhere it is {@link #NONE}.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface Progress {

  /** Reports nothing. */
  Progress NONE = (done, total) -> {};

  /**
   * @param done units finished so far
   * @param total units in all, or -1 when unknown
   */
  void update(long done, long total);
}
