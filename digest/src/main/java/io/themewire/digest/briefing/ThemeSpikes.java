package io.themewire.digest.briefing;

import io.themewire.digest.DayWindow;
import java.util.function.ToDoubleFunction;

/**
 * How unusual a theme's volume is on a day, from the trends work: 0 when the theme is at its usual
 * level, more the further it rises above its baseline (a spike's score). The briefing ranks the
 * stories of spiking themes higher. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ThemeSpikes {

  /** The spike score of {@code theme} on {@code day}; 0 when it has none; never negative. */
  double score(String theme, DayWindow day);

  /**
   * The scores of every theme on {@code day}, asked once per briefing: an implementation that reads
   * all themes in one go (as {@link TrendSpikes} does) overrides this.
   */
  default ToDoubleFunction<String> on(DayWindow day) {
    return theme -> score(theme, day);
  }

  /** No spikes anywhere: ranking by the stories alone. */
  static ThemeSpikes none() {
    return (theme, day) -> 0;
  }
}
