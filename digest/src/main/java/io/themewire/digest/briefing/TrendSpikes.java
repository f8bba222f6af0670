package io.themewire.digest.briefing;

import io.themewire.digest.DayWindow;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.Interval;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.Trends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * {@link ThemeSpikes} from the index's trends ({@link ArticleReader#trends}): the score of a
 * theme's day is the trends' spike score of that day's bucket in the briefing's zone (the day
 * against the same weekday of the weeks before), 0 when the trends do not flag the day. One trends
 * request per briefing covers every theme. Only items published up to the day's end count, so a
 * past day's scores do not move as the index grows. Thread-safe.
 */
public final class TrendSpikes implements ThemeSpikes {

  private final ArticleReader reader;

  public TrendSpikes(ArticleReader reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public double score(String theme, DayWindow day) {
    return on(day).applyAsDouble(theme);
  }

  /**
   * @throws UncheckedIOException when the index cannot be read
   */
  @Override
  public ToDoubleFunction<String> on(DayWindow day) {
    SearchRequest window =
        new SearchRequest(
            "",
            null,
            null,
            null,
            day.start(),
            day.end(),
            SearchRequest.Sort.RELEVANCE,
            1,
            Set.of(),
            null,
            day.zone(),
            null);
    Trends trends;
    try {
      trends = reader.trends(window, Interval.DAY);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trends of " + day.date(), e);
    }
    Map<String, Double> scores = new HashMap<>();
    for (Trends.Series series : trends.series()) {
      for (Trends.Point p : series.points()) {
        if (series.theme() != null && p.date().equals(day.date()) && p.spike() != null) {
          scores.put(series.theme(), Math.max(0, p.spike().score()));
        }
      }
    }
    return theme -> scores.getOrDefault(theme, 0.0);
  }
}
