package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.index.Items;
import io.themewire.index.search.QueryLimits;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time budget and the bounded search pool of {@link Searchers} (QueryLimits). */
class SearchBudgetTest {

  @TempDir Path dir;
  LuceneArticleIndex index;

  @AfterEach
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  void open(QueryLimits limits, int items) throws IOException {
    index = LuceneArticleIndex.open(dir, limits);
    for (int i = 0; i < items; i++) {
      index.upsert(
          Items.item(
              "post-" + i,
              "Post " + i,
              "Engineers and managers, item " + i,
              "other",
              "2026-11-10"));
    }
    index.commit();
  }

  /** A collector that takes 2 ms a document: slow by construction, not by luck. */
  static final class SlowCollector implements Collector {
    int seen;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          seen++;
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  @Test
  void aSearchPastItsTimeBudget_stopsCollectingAndFailsAsQueryTimeout() throws Exception {
    open(QueryLimits.DEFAULTS.withTimeBudget(Duration.ofMillis(100)), 600);
    Searchers searchers = searchersOf(index);
    SlowCollector slow = new SlowCollector();

    assertThatThrownBy(
            () ->
                searchers.fresh(
                    s -> {
                      s.search(new MatchAllDocsQuery(), slow);
                      return null;
                    }))
        .isInstanceOfSatisfying(
            SearchUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("query-timeout");
              assertThat(e.getMessage()).contains("100 ms");
            });
    assertThat(slow.seen).as("stopped long before the 600th document").isLessThan(600);
  }

  @Test
  void aSearchWithinItsBudget_answers() throws Exception {
    open(QueryLimits.DEFAULTS, 30);
    assertThat(index.search(SearchRequest.of("engineers")).total()).isEqualTo(30);
  }

  @Test
  void aFullPool_refusesTheNextSearchAsBusy_andServesAgainOnceFree() throws Exception {
    open(QueryLimits.DEFAULTS.withSearchPool(1, 0), 3);
    Searchers searchers = searchersOf(index);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> blocker =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return searchers.fresh(
                    s -> {
                      running.countDown();
                      try {
                        release.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return s.count(new MatchAllDocsQuery());
                    });
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> index.search(SearchRequest.of("engineers")))
        .isInstanceOfSatisfying(
            SearchUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("search-busy");
              assertThat(e.getMessage()).contains("1 of 1 threads");
            });

    release.countDown();
    assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(index.search(SearchRequest.of("engineers")).total()).isEqualTo(3);
  }

  @Test
  void limits_outOfRange_areAllNamedAtOnce() {
    assertThatThrownBy(() -> new QueryLimits(0, 32, 1024, 100, Duration.ZERO, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxQueryChars")
        .hasMessageContaining("timeBudget")
        .hasMessageContaining("searchThreads");
  }

  @Test
  void theReadmeQuotesTheDefaults() throws Exception {
    String readme =
        java.nio.file.Files.readString(
            Path.of("..").toAbsolutePath().normalize().resolve("README.md"));
    QueryLimits d = QueryLimits.DEFAULTS;
    assertThat(readme)
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "| query limits | %,d characters, %d levels of parentheses, %,d clauses",
                d.maxQueryChars(),
                d.maxDepth(),
                d.maxClauses()))
        .contains(d.maxSize() + " hits a page")
        .contains(d.timeBudget().toSeconds() + " s time budget")
        .contains(d.searchQueue() + " waiting");
  }

  static Searchers searchersOf(LuceneArticleIndex index) {
    return index.searchers();
  }
}
