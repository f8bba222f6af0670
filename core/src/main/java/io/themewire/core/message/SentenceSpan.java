package io.themewire.core.message;

/**
 * A sentence of {@link RawItem#fullText()} by offsets, with its salience (0 to 1) for extractive
 * summaries: how strongly the sentence alone speaks to the item's primary theme.
 */
public record SentenceSpan(int start, int end, double salience) {
  public SentenceSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets " + start + ".." + end);
    }
  }
}
