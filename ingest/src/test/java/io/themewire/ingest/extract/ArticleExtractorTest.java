package io.themewire.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.Published;
import io.themewire.ingest.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  @Test
  void extract_keepsTheArticleAndDropsPageChrome() {
    Article a = extractor.extract(Fixtures.text("article.html"), null);

    assertThat(a.text())
        .startsWith("After six years as an engineering manager")
        .contains("What I miss")
        .endsWith("writing a long document about it.")
        .doesNotContain(
            "cookies",
            "Popular posts",
            "Share on",
            "12 comments",
            "All rights reserved",
            "Archive");
  }

  @Test
  void extract_readsMetadataFromJsonLdAndCanonicalLink() {
    Article a = extractor.extract(Fixtures.text("article.html"), null);

    assertThat(a.title()).isEqualTo("Going back to IC after six years");
    assertThat(a.byline()).isEqualTo("Priya Raman");
    assertThat(a.published())
        .isEqualTo(
            new Published(
                Instant.parse("2026-11-10T12:45:00Z"), Published.Provenance.JSON_LD, 0.95));
    assertThat(a.canonicalUrl().value()).isEqualTo("https://keel.example/posts/back-to-ic");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.siteName()).isEqualTo("The Keel");
  }

  @Test
  void extract_emptyOrHostileInputNeverThrows() {
    assertThat(extractor.extract("", null).text()).isEmpty();
    assertThat(extractor.extract("<div>".repeat(20_000) + "deep", null).text()).contains("deep");
    assertThat(
            extractor
                .extract("<script>alert(1)</script><p>" + "word ".repeat(80) + "</p>", null)
                .text())
        .doesNotContain("alert");
  }

  @Test
  void htmlText_keepsParagraphsAndCollapsesSpace() {
    assertThat(
            HtmlText.fromHtml(
                "<p>One\n   two</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>"))
        .isEqualTo("One two\n\nThree\nfour\n\na\n\nb");
  }
}
