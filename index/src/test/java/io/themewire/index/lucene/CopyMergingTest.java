package io.themewire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.dedup.SimHashTest;
import io.themewire.index.search.SearchRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy merging never loses an item (issue 12 point 8): templated posts that share their sentences
 * stay separate items, and a copy that is merged stays retrievable by its own id.
 */
class CopyMergingTest {

  @TempDir Path dir;
  LuceneArticleIndex index;

  @BeforeEach
  void open() throws Exception {
    index = LuceneArticleIndex.open(dir);
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  static final String[] NAMES = {
    "Ana", "Bram", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena"
  };
  static final String[] CITIES = {
    "Lisbon",
    "Utrecht",
    "Shenzhen",
    "Dublin",
    "Haifa",
    "Lagos",
    "Bergen",
    "Osaka",
    "Split",
    "Busan",
    "Kyoto",
    "Graz"
  };

  /** The same three sentences, filled in with a name, a city, a team size and a year. */
  static String template(int i) {
    String name = NAMES[i % NAMES.length];
    String city = CITIES[(i * 5) % CITIES.length];
    return "After %d years as an engineering manager in %s I decided to go back to writing code as a staff engineer. "
            .formatted(3 + i % 9, city)
        + "My team of %d people was in good hands and I missed the deep technical work every single day. "
            .formatted(4 + i % 11)
        + "If you are thinking about the same move, %s is happy to talk about how the conversation with my director went and what I would do differently next time, starting in %d."
            .formatted(name, 2015 + i % 10);
  }

  static ClassifiedItem post(
      String network, String nativeId, String author, String text, SourceKind kind, int day) {
    String sourceId = "import:" + network;
    RawItem raw =
        new RawItem(
            ItemId.of(sourceId, nativeId),
            kind == SourceKind.POST
                ? null
                : new CanonicalUrl("https://" + network + ".example/" + nativeId),
            new Source(sourceId, network, kind),
            "",
            author,
            new Published(
                Instant.parse("2026-11-01T09:00:00Z")
                    .plusSeconds(day * 86_400L + nativeId.hashCode() % 3600),
                Published.Provenance.FEED,
                1.0),
            Instant.parse("2026-11-26T00:00:00Z"),
            "en",
            text,
            null,
            null,
            null,
            null,
            null);
    return new ClassifiedItem(
        raw,
        List.of(new ThemeScore("manager-to-ic", 0.9)),
        "manager-to-ic",
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "career-v1",
        "m-test");
  }

  @Test
  void templatedPostsByDifferentAuthors_areAllKept_andEachFoundByItsOwnId() throws Exception {
    List<ClassifiedItem> posts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      posts.add(post("mastodon", "p" + i, "user" + i, template(i), SourceKind.POST, i % 7));
    }
    for (ClassifiedItem p : posts) {
      index.upsert(p);
    }
    index.commit();

    assertThat(index.count()).isEqualTo(40);
    for (ClassifiedItem p : posts) {
      ClassifiedItem found = index.get(p.id()).orElseThrow();
      assertThat(found.id()).isEqualTo(p.id());
      assertThat(found.item().author()).isEqualTo(p.item().author());
      assertThat(found.item().alsoAt()).isEmpty();
    }
    assertThat(index.search(SearchRequest.of("\"deep technical work\"")).total()).isEqualTo(40);
  }

  @Test
  void theSameWordsPostedByTwoPeople_areTwoPosts() throws Exception {
    String text = template(1);
    index.upsert(post("bsky", "a", "ana", text, SourceKind.POST, 0));
    index.upsert(post("bsky", "b", "bram", text, SourceKind.POST, 1));
    index.upsert(post("hn", "c", null, text, SourceKind.DISCUSSION, 1));
    index.commit();

    assertThat(index.count()).isEqualTo(3);
  }

  @Test
  void aTemplateWithOtherDetails_fromOneAuthor_isNotACopy() throws Exception {
    // One writer, one feed, the same sentences: different details make different articles.
    for (int i = 0; i < 12; i++) {
      index.upsert(post("blog", "t" + i, "A. Writer", template(i), SourceKind.FEED, i));
    }
    index.commit();

    assertThat(index.count()).isEqualTo(12);
  }

  @Test
  void aSyndicatedCopy_isMerged_andStillFoundByItsOwnId() throws Exception {
    String story = SimHashTest.STORY;
    ClassifiedItem original = post("wire", "w1", "R. Porter", story, SourceKind.FEED, 0);
    ClassifiedItem copy =
        post(
            "paper",
            "p1",
            "R. Porter",
            "From the wire. " + story + " Read more at our site.",
            SourceKind.FEED,
            0);
    index.upsert(original);
    index.upsert(copy);
    index.commit();
    // Re-polling the copy later (after the reader reopened) merges it into the same item again.
    index.upsert(copy);
    index.commit();

    assertThat(index.count()).isEqualTo(1);
    ClassifiedItem viaCopy = index.get(copy.id()).orElseThrow();
    assertThat(viaCopy.id()).isEqualTo(original.id());
    assertThat(viaCopy.item().alsoAt()).containsExactly(copy.item().url());
    assertThat(index.get(original.id()).orElseThrow().id()).isEqualTo(original.id());
  }

  @Test
  void mergedIds_surviveLaterUpdatesOfTheItem() throws Exception {
    String story = SimHashTest.STORY;
    ClassifiedItem original = post("wire", "w1", "R. Porter", story, SourceKind.FEED, 0);
    ClassifiedItem copy =
        post("paper", "p1", "R. Porter", "From the wire. " + story, SourceKind.FEED, 0);
    index.upsert(original);
    index.upsert(copy);
    index.commit();
    // The original is updated by its own source (a corrected version): the copy's id still finds
    // it.
    index.upsert(
        post("wire", "w1", "R. Porter", story + " Updated with a correction.", SourceKind.FEED, 0));
    index.commit();

    assertThat(index.get(copy.id()).orElseThrow().id()).isEqualTo(original.id());
  }
}
