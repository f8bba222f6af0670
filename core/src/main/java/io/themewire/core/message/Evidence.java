package io.themewire.core.message;

import java.util.Objects;

/**
 * The sentence that carried a label.
 *
 * @param theme the theme it supports
 * @param start character offset of the sentence in {@link RawItem#fullText()}, inclusive
 * @param end character offset, exclusive
 * @param sentence the sentence text
 * @param score the model's probability of the theme for this sentence alone
 */
public record Evidence(String theme, int start, int end, String sentence, double score) {
  public Evidence {
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(sentence, "sentence");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets " + start + ".." + end);
    }
  }
}
