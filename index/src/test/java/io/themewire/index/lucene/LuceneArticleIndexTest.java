package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.index.Items;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchHit;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.ThemeCount;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneArticleIndexTest {

  @TempDir Path dir;
  LuceneArticleIndex index;

  final ClassifiedItem back =
      Items.item(
          "back",
          "Back to IC",
          "After years as a manager I returned to engineering work.",
          "manager-to-ic",
          "2026-11-10");
  final ClassifiedItem pkg =
      Items.item(
          "pkg",
          "New package manager",
          "We replaced the package manager in our monorepo.",
          "other",
          "2026-11-01");
  final ClassifiedItem ladder =
      Items.item(
          "ladder",
          "Our ladder",
          "Levels and promotion expectations for engineers.",
          "career-framework",
          "2026-10-27");

  @BeforeEach
  void open() throws Exception {
    index = LuceneArticleIndex.open(dir);
    index.upsert(back);
    index.upsert(pkg);
    index.upsert(ladder);
    index.commit();
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void commitData_savedWithTheCommit_isReadAfterReopen_andKeptByLaterPlainCommits()
      throws Exception {
    assertThat(index.commitData()).isEmpty();
    index.upsert(back);
    index.commit(java.util.Map.of("items.classified-0", "42", "items.classified-1", "7"));
    index.upsert(pkg);
    index.commit();
    index.close();
    index = LuceneArticleIndex.open(dir);
    assertThat(index.commitData())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("items.classified-0", "42", "items.classified-1", "7"));
    assertThat(index.count()).isEqualTo(3);
  }

  @Test
  void upsert_sameIdTwice_keepsOneDocument() throws Exception {
    index.upsert(back);
    index.upsert(back);
    index.commit();
    assertThat(index.count()).isEqualTo(3);
  }

  @Test
  void upsert_ofACommittedId_afterReopen_replacesItsDocument() throws Exception {
    index.close();
    index = LuceneArticleIndex.open(dir);
    index.upsert(back); // found in the reopened reader, not among pending writes: an update
    index.upsert(ladder);
    index.commit();
    assertThat(index.count()).isEqualTo(3);
    index.close();
    index = LuceneArticleIndex.open(dir);
    assertThat(index.count()).isEqualTo(3);
  }

  @Test
  void search_matchesStemmedTermsAndFiltersByTheme() throws Exception {
    SearchResult all = index.search(SearchRequest.of("manager"));
    assertThat(all.hits())
        .extracting(SearchHit::id)
        .containsExactlyInAnyOrder(back.id().value(), pkg.id().value());

    SearchResult onlyM2i =
        index.search(
            new SearchRequest("manager", "manager-to-ic", null, null, null, null, null, 10));
    assertThat(onlyM2i.total()).isEqualTo(1);
    SearchHit hit = onlyM2i.hits().get(0);
    assertThat(hit.primary()).isEqualTo("manager-to-ic");
    assertThat(hit.url()).isEqualTo("https://blog.example/back");
    assertThat(hit.snippet()).contains("<mark>manager</mark>");
  }

  @Test
  void search_byDateRangeAndSortedNewestFirst() throws Exception {
    SearchResult r =
        index.search(
            new SearchRequest(
                "",
                null,
                null,
                null,
                Instant.parse("2026-10-30T00:00:00Z"),
                null,
                SearchRequest.Sort.DATE,
                10));
    assertThat(r.hits())
        .extracting(SearchHit::id)
        .containsExactly(back.id().value(), pkg.id().value());
  }

  @Test
  void search_snippetEscapesHtmlInTheText() throws Exception {
    index.upsert(
        Items.item(
            "xss",
            "<script>alert(1)</script>",
            "The manager said <img src=x onerror=alert(1)> hello",
            "other",
            "2026-11-02"));
    index.commit();
    SearchHit hit = index.search(SearchRequest.of("hello")).hits().get(0);
    assertThat(hit.snippet()).doesNotContain("<img").contains("&lt;img");
  }

  @Test
  void get_returnsTheWholeStoredItem() throws Exception {
    assertThat(index.get(back.id())).contains(back);
  }

  @Test
  void themeCounts_countEveryThemePresent() throws Exception {
    assertThat(index.themeCounts())
        .containsExactlyInAnyOrder(
            new ThemeCount("career-framework", 1, 1),
            new ThemeCount("manager-to-ic", 1, 1),
            new ThemeCount("other", 1, 1));
  }

  // RELIABILITY rows 31-34
  @Test
  void search_refusesBadQueriesWithTypedReasons() {
    assertThat(reason("title:(unclosed")).isEqualTo("query-syntax");
    assertThat(reason("*tion")).isEqualTo("leading-wildcard");
    assertThat(reason("(".repeat(40) + "a" + ")".repeat(40))).isEqualTo("query-too-deep");
    assertThat(reason("a".repeat(2000))).isEqualTo("query-too-long");
    assertThat(reason("/.*a.{30}/")).isEqualTo("regex-not-allowed");
    // A boost past Float.MAX_VALUE: Lucene's IllegalArgumentException, found by
    // QueryParserFuzzTest.
    assertThat(reason("manager^" + "9".repeat(40))).isEqualTo("query-syntax");
    StringBuilder many = new StringBuilder("t0");
    for (int i = 1; i < 1100; i++) {
      many.append(" OR t").append(i);
    }
    // 1,100 OR'ed terms: refused by length before the clause cap is ever reached.
    assertThat(reason(many.toString())).isIn("query-too-long", "too-many-clauses");
    // Prefix terms rewrite to one constant-score clause: a broad one is answered, not refused.
    assertThat(reason("a*")).isEqualTo("accepted");
  }

  private String reason(String q) {
    try {
      index.search(SearchRequest.of(q));
    } catch (QueryException e) {
      return e.reason();
    } catch (Exception e) {
      return e.toString();
    }
    return "accepted";
  }

  @Test
  void reopen_keepsCommittedItems() throws Exception {
    index.close();
    index = LuceneArticleIndex.open(dir);
    assertThat(index.count()).isEqualTo(3);
    assertThatThrownBy(() -> index.search(SearchRequest.of("AND")))
        .isInstanceOf(QueryException.class);
  }

  @Test
  void scan_visitsEveryLiveItemOnce() throws Exception {
    index.upsert(back);
    index.commit();
    java.util.List<ClassifiedItem> seen = new java.util.ArrayList<>();
    index.scan(seen::add);
    assertThat(seen).containsExactlyInAnyOrder(back, pkg, ladder);
  }

  @Test
  void discussions_ofAnArticle_areItsThreadStoriesMostPointsFirst() throws Exception {
    io.themewire.core.message.CanonicalUrl article = back.item().url();
    index.upsert(thread("1", article, 212, null));
    index.upsert(thread("2", article, 40, null));
    index.upsert(thread("3", article, null, "1")); // a comment, not a thread
    index.commit();

    java.util.List<io.themewire.index.search.Discussion> ds = index.discussionsOf(article);

    assertThat(ds)
        .extracting(io.themewire.index.search.Discussion::points)
        .containsExactly(212, 40);
    assertThat(ds.get(0).source()).isEqualTo("hn");
    SearchHit hit = index.search(SearchRequest.of("returned")).hits().get(0);
    assertThat(hit.discussions()).hasSize(2);
  }

  private static ClassifiedItem thread(
      String id, io.themewire.core.message.CanonicalUrl about, Integer points, String parent) {
    io.themewire.core.message.RawItem raw =
        new io.themewire.core.message.RawItem(
            io.themewire.core.message.ItemId.of("hn", id),
            new io.themewire.core.message.CanonicalUrl(
                "https://news.ycombinator.com/item?id=" + id),
            new io.themewire.core.message.Source(
                "hn", "Hacker News", io.themewire.core.message.SourceKind.DISCUSSION),
            parent == null ? "Thread " + id : "",
            null,
            io.themewire.core.message.Published.firstSeen(Instant.parse("2026-11-12T00:00:00Z")),
            Instant.parse("2026-11-12T00:00:00Z"),
            null,
            "comment text",
            parent == null ? null : io.themewire.core.message.ItemId.of("hn", parent),
            parent == null ? null : io.themewire.core.message.ItemId.of("hn", "1"),
            about,
            new io.themewire.core.message.Engagement(points, 5),
            null);
    return new ClassifiedItem(
        raw,
        java.util.List.of(),
        "other",
        null,
        java.util.List.of(),
        java.util.List.of(),
        java.util.List.of(),
        java.util.List.of(),
        "t",
        "m");
  }

  // RELIABILITY row 26
  @Test
  void upsert_syndicatedCopy_isKeptAsOneItemAlsoPublishedElsewhere() throws Exception {
    String story = io.themewire.index.dedup.SimHashTest.STORY;
    ClassifiedItem original =
        Items.item("wire-1", "Rail line funded", story, "other", "2026-11-10");
    ClassifiedItem copy =
        Items.item(
            "copy-elsewhere",
            "Council funds rail",
            "From the wire. " + story,
            "other",
            "2026-11-11");

    index.upsert(original);
    index.upsert(copy);
    index.commit();

    assertThat(index.get(copy.id()).orElseThrow().id())
        .as("the copy's own id finds the item it was merged into")
        .isEqualTo(original.id());
    io.themewire.core.message.RawItem kept = index.get(original.id()).orElseThrow().item();
    assertThat(kept.alsoAt()).containsExactly(copy.item().url());
    assertThat(index.count()).isEqualTo(4);
  }

  // RELIABILITY row 25
  @Test
  void upsert_sameItemFromAnotherFeed_keepsTheFirstAndReferencesBoth() throws Exception {
    io.themewire.core.message.RawItem r = back.item();
    io.themewire.core.message.RawItem viaOther =
        new io.themewire.core.message.RawItem(
            r.id(),
            r.url(),
            new io.themewire.core.message.Source(
                "https://other.example/feed", "Other", io.themewire.core.message.SourceKind.FEED),
            r.title(),
            r.author(),
            r.published(),
            r.fetchedAt(),
            r.language(),
            r.text(),
            null,
            null,
            null,
            null,
            null);

    index.upsert(back.withItem(viaOther));
    index.commit();

    io.themewire.core.message.RawItem kept = index.get(back.id()).orElseThrow().item();
    assertThat(kept.source()).isEqualTo(r.source());
    assertThat(kept.alsoIn()).containsExactly("https://other.example/feed");
    assertThat(index.count()).isEqualTo(3);
  }

  @Test
  void openReadOnly_servesBesideTheWriterAndSeesItsCommits() throws Exception {
    try (LuceneArticleReader reader = LuceneArticleIndex.openReadOnly(dir)) {
      assertThat(reader.count()).isEqualTo(3);
      index.upsert(
          Items.item(
              "later", "Later", "A later item about levels.", "career-framework", "2026-11-20"));
      index.commit();
      assertThat(reader.count()).isEqualTo(4);
      assertThat(reader.get(back.id())).contains(back);
    }
    assertThatThrownBy(() -> LuceneArticleIndex.openReadOnly(dir.resolve("nothing-here")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void readOnlyHandle_hasNoWriteMethods() {
    java.util.Set<String> methods = new java.util.TreeSet<>();
    for (java.lang.reflect.Method m : LuceneArticleReader.class.getMethods()) {
      methods.add(m.getName());
    }
    assertThat(methods).doesNotContain("upsert", "commit", "stored", "delete");
    assertThat(io.themewire.index.ArticleReader.class.isAssignableFrom(LuceneArticleIndex.class))
        .isTrue();
  }

  @Test
  void readerOfTheIndex_seesWritesBeforeCommitAndSurvivesBeingClosed() throws Exception {
    LuceneArticleReader reader = index.reader();
    index.upsert(Items.item("nrt", "Near real time", "Seen before commit.", "other", "2026-11-21"));
    assertThat(reader.count()).isEqualTo(4);
    reader.close();
    assertThat(index.count()).isEqualTo(4);
  }
}
