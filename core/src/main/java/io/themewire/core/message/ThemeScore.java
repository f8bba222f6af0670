package io.themewire.core.message;

import java.util.Objects;

/** A theme and the model's probability for it, 0 to 1. */
public record ThemeScore(String theme, double score) {
  public ThemeScore {
    Objects.requireNonNull(theme, "theme");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be within 0..1, got " + score);
    }
  }
}
