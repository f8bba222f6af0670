package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.index.search.Interval;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SignificantTerm;
import io.themewire.index.search.Trends;
import io.themewire.testkit.SyntheticCorpus;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spikes on generated corpora with a weekly rhythm: found where injected, none elsewhere. */
class TrendServiceTest {

  static final LocalDate START = LocalDate.of(2026, 8, 3); // a Monday
  static final LocalDate SPIKE_DAY = LocalDate.of(2026, 9, 30); // a Wednesday, week 9

  @TempDir Path dir;

  /** Two themes of about 40 items each weekday and 12 each weekend day, over ten weeks. */
  static SyntheticCorpus.Builder weekly(long seed) {
    return SyntheticCorpus.builder()
        .seed(seed)
        .items(4_480)
        .sources(20)
        .days(START, 70)
        .weekendFactor(0.3)
        .words(15, 40)
        .themes(
            List.of(
                new SyntheticCorpus.ThemeWords("ic-to-manager", 0.5, "promotion reports hiring"),
                new SyntheticCorpus.ThemeWords("manager-to-ic", 0.5, "coding hands-on burnout")));
  }

  static List<Trends.Point> spikes(Trends t) {
    return t.series().stream().flatMap(s -> s.spikes().stream()).toList();
  }

  @Test
  void weeklyRhythm_withoutSpike_reportsNone() throws Exception {
    for (long seed : new long[] {1, 2, 3}) {
      try (LuceneArticleIndex index = LuceneArticleIndex.open(dir.resolve("s" + seed))) {
        weekly(seed).build().forEach(upsert(index));
        index.commit();

        Trends t = index.trends(SearchRequest.of(""), Interval.DAY);

        assertThat(t.series())
            .extracting(Trends.Series::theme)
            .containsExactly("ic-to-manager", "manager-to-ic");
        assertThat(spikes(t)).as("seed " + seed).isEmpty();
        // the rhythm is real: a Monday has about three times the Sunday before it
        List<Trends.Point> points = t.series().get(0).points();
        Trends.Point monday = points.get(63);
        assertThat(monday.date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(monday.count()).isGreaterThan(2 * points.get(62).count());
      }
    }
  }

  @Test
  void doublingOnOneWeekday_isTheOneSpike_explainedByItsItemsSourcesAndTerms() throws Exception {
    try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
      weekly(7)
          .spike(SPIKE_DAY, "ic-to-manager", 40, "reorg announcement layoffs")
          .build()
          .forEach(upsert(index));
      index.commit();

      Trends t = index.trends(SearchRequest.of(""), Interval.DAY);

      List<Trends.Point> found = spikes(t);
      assertThat(found).hasSize(1);
      Trends.Point p = found.get(0);
      assertThat(p.date()).isEqualTo(SPIKE_DAY);
      assertThat(t.series().get(0).spikes()).containsExactly(p);
      assertThat(p.spike().score()).isGreaterThanOrEqualTo(TrendService.MIN_SCORE);
      assertThat(p.spike().baseline()).isBetween(30.0, 50.0);
      assertThat(p.spike().terms())
          .extracting(SignificantTerm::term)
          .containsAnyOf("reorg", "layoffs", "announcement");
      assertThat(p.spike().topItems()).isNotEmpty();
      assertThat(p.spike().topSources()).isNotEmpty();

      // the same day as a query's series and as one theme's series
      Trends theme = index.trends(SearchRequest.of("").withTheme("ic-to-manager"), Interval.DAY);
      assertThat(spikes(theme)).extracting(Trends.Point::date).containsExactly(SPIKE_DAY);
      Trends weeks = index.trends(SearchRequest.of(""), Interval.WEEK);
      assertThat(weeks.series().get(0).points())
          .allSatisfy(w -> assertThat(w.date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
    }
  }

  private java.util.function.Consumer<io.themewire.core.message.ClassifiedItem> upsert(
      LuceneArticleIndex index) {
    return item -> {
      try {
        index.upsert(item);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }
}
