package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.search.Facet;
import io.themewire.index.search.FacetValue;
import io.themewire.index.search.Histogram;
import io.themewire.index.search.Interval;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchHit;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Totals, facets, histograms, paging and filtered scans over more matches than Lucene counts by
 * default.
 */
class ExactCountsTest {

  static final int N = 1_500;
  static final List<String> THEMES = List.of("manager-to-ic", "ic-to-manager", "layoffs");
  static final List<SourceKind> KINDS =
      List.of(SourceKind.FEED, SourceKind.ARTICLE, SourceKind.POST);

  @TempDir static Path dir;
  static LuceneArticleIndex index;

  @BeforeAll
  static void fill() throws Exception {
    index = LuceneArticleIndex.open(dir);
    for (int i = 0; i < N; i++) {
      index.upsert(item(i));
    }
    index.commit();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  /** Item i: every item mentions "manager"; themes, sources, kinds and days rotate. */
  static ClassifiedItem item(int i) {
    CanonicalUrl url = new CanonicalUrl("https://www.site" + (i % 7) + ".example/p/" + i);
    String theme = THEMES.get(i % 3);
    List<ThemeScore> themes =
        i % 5 == 0
            ? List.of(new ThemeScore(theme, 0.9), new ThemeScore(THEMES.get((i + 1) % 3), 0.5))
            : List.of(new ThemeScore(theme, 0.9));
    RawItem raw =
        new RawItem(
            ItemId.of(url),
            url,
            new Source("src-" + (i % 7), "Site " + (i % 7), KINDS.get(i % 3 == 0 ? 0 : i % 2 + 1)),
            "Post " + i + " about the manager",
            i % 2 == 0 ? "Ada Lovelace" : "Grace Hopper",
            new Published(
                Instant.parse("2026-10-01T10:00:00Z").plusSeconds(3_600L * 7 * i),
                Published.Provenance.FEED,
                1),
            Instant.parse("2026-12-01T00:00:00Z"),
            i % 4 == 0 ? "de" : "en",
            "Item number " + i + " tells how a manager works with engineers, words w" + i + ".",
            null,
            null,
            null,
            null,
            null);
    return new ClassifiedItem(
        raw, themes, theme, null, List.of(), List.of(), List.of(), List.of(), "t", "m");
  }

  static SearchRequest request(String q, SearchRequest.Sort sort) {
    return new SearchRequest(q, null, null, null, null, null, sort, 10);
  }

  @Test
  void total_isExactAboveAThousandMatches_underEverySort() throws Exception {
    for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
      assertThat(index.search(request("manager", sort)).total()).as(sort.name()).isEqualTo(N);
      assertThat(index.search(request("", sort)).total()).as(sort.name()).isEqualTo(N);
    }
  }

  @Test
  void facetsAndHistogram_addUpToTheTotal() throws Exception {
    SearchResult r =
        index.search(
            request("manager", SearchRequest.Sort.NEWEST)
                .withFacets(EnumSet.allOf(Facet.class))
                .withHistogram(Interval.DAY, ZoneId.of("Europe/Berlin")));

    assertThat(sum(r.facets().get(Facet.KIND))).isEqualTo(N);
    assertThat(sum(r.facets().get(Facet.SOURCE))).isEqualTo(N);
    assertThat(r.facets().get(Facet.SOURCE)).hasSize(7);
    // every item has one or two themes: one in five has two
    assertThat(sum(r.facets().get(Facet.THEME))).isEqualTo(N + N / 5);
    assertThat(r.histogram().buckets().stream().mapToLong(Histogram.Bucket::count).sum())
        .isEqualTo(N);
    assertThat(r.histogram().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    // 7 hours apart: 24/7 items a day, so 3 or 4 in every whole day (the first and last are
    // partial)
    List<Histogram.Bucket> b = r.histogram().buckets();
    assertThat(b.subList(1, b.size() - 1)).allSatisfy(x -> assertThat(x.count()).isBetween(3L, 4L));
  }

  @Test
  void histogram_weeksStartOnMonday_inTheRequestedZone() throws Exception {
    SearchResult r =
        index.search(
            request("", SearchRequest.Sort.RELEVANCE).withHistogram(Interval.WEEK, ZoneOffset.UTC));
    assertThat(r.histogram().buckets())
        .allSatisfy(b -> assertThat(b.date().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY));
    assertThat(r.histogram().buckets().stream().mapToLong(Histogram.Bucket::count).sum())
        .isEqualTo(N);
  }

  @Test
  void paging_withSearchAfter_visitsEveryMatchOnce_underEverySort() throws Exception {
    for (SearchRequest.Sort sort :
        List.of(SearchRequest.Sort.RELEVANCE, SearchRequest.Sort.NEWEST)) {
      SearchRequest first =
          new SearchRequest("manager theme:layoffs", null, null, null, null, null, sort, 100);
      Set<String> seen = new HashSet<>();
      List<Instant> order = new ArrayList<>();
      SearchResult page = index.search(first);
      long total = page.total();
      while (true) {
        for (SearchHit h : page.hits()) {
          assertThat(seen.add(h.id())).as("seen twice: " + h.id()).isTrue();
          order.add(h.published());
        }
        assertThat(page.total()).isEqualTo(total);
        if (page.next() == null) {
          break;
        }
        page = index.search(first.after(page.next()));
      }
      assertThat(seen).hasSize((int) total);
      assertThat(total).isEqualTo(N / 3 + N / 15);
      if (sort == SearchRequest.Sort.NEWEST) {
        assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
      }
    }
  }

  @Test
  void scan_withFilter_handsOverExactlyTheMatches_oldestFirst() throws Exception {
    SearchRequest filter =
        new SearchRequest(
            "",
            "ic-to-manager",
            null,
            null,
            Instant.parse("2026-10-10T00:00:00Z"),
            Instant.parse("2026-11-10T00:00:00Z"),
            null,
            1);
    List<ClassifiedItem> seen = new ArrayList<>();
    index.scan(filter, seen::add);

    long expected =
        java.util.stream.IntStream.range(0, N)
            .mapToObj(ExactCountsTest::item)
            .filter(c -> c.themes().stream().anyMatch(t -> t.theme().equals("ic-to-manager")))
            .filter(c -> !c.item().published().at().isBefore(filter.from()))
            .filter(c -> c.item().published().at().isBefore(filter.to()))
            .count();
    assertThat(seen).hasSize((int) expected);
    assertThat(expected).isGreaterThan(30);
    assertThat(seen.stream().map(c -> c.item().published().at()).toList()).isSorted();
    assertThat(index.search(filter).total()).isEqualTo(expected);
  }

  @Test
  void fields_siteAuthorLangKindTheme_canBeNamed_inAnyCase() throws Exception {
    assertThat(index.search(request("site:site3.example", null)).total())
        .isEqualTo(countWhere(i -> i % 7 == 3));
    assertThat(index.search(request("author:hopper", null)).total()).isEqualTo(N / 2);
    assertThat(index.search(request("lang:DE", null)).total()).isEqualTo(N / 4);
    assertThat(index.search(request("kind:Feed", null)).total()).isEqualTo(N / 3);
    assertThat(index.search(request("theme:layoffs", null)).total()).isEqualTo(N / 3 + N / 15);
    assertThat(index.search(new SearchRequest("", null, null, "FEED", null, null, null, 1)).total())
        .isEqualTo(N / 3);
  }

  @Test
  void unknownField_isRefusedNamingTheFields() {
    assertThatThrownBy(() -> index.search(request("colour:red", null)))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("colour")
        .hasMessageContaining("site")
        .extracting(e -> ((QueryException) e).reason())
        .isEqualTo("unknown-field");
  }

  @Test
  void hits_carrySiteAuthorAndAlsoAt() throws Exception {
    SearchHit hit = index.search(request("w7", null)).hits().get(0);
    assertThat(hit.site()).isEqualTo("site0.example");
    assertThat(hit.author()).isEqualTo("Grace Hopper");
    assertThat(hit.alsoAt()).isEmpty();
  }

  static long countWhere(java.util.function.IntPredicate p) {
    return java.util.stream.IntStream.range(0, N).filter(p).count();
  }

  static long sum(List<FacetValue> values) {
    return values.stream().mapToLong(FacetValue::count).sum();
  }

  static LocalDate day(String s) {
    return LocalDate.parse(s);
  }
}
