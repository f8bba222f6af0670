package io.themewire.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.ingest.extract.ArticleExtractor.Candidate;
import io.themewire.ingest.extract.ArticleExtractor.Extraction;
import org.junit.jupiter.api.Test;

/** Which candidate gives the article text, and the reason given for it. */
class FallbackDecisionTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  private static String para(String s, int times) {
    return "<p>" + s.repeat(times) + "</p>";
  }

  @Test
  void cleanArticle_ownOutputWinsAndSaysWhy() {
    String html =
        "<body><nav><a href='/'>Home</a></nav><article><h1>Title</h1>"
            + para("The council approved the new bridge after two years of planning. ", 4)
            + para("Work starts in spring and should take eighteen months to finish. ", 4)
            + "</article></body>";

    Extraction e = extractor.explain(html, "https://news.example/bridge");

    assertThat(e.decision().winner()).isEqualTo(ArticleExtractor.OWN);
    assertThat(e.decision().reason()).contains("own output").contains("chars");
    assertThat(e.decision().candidates()).extracting(Candidate::name).contains("own");
    assertThat(e.article().text()).contains("new bridge").contains("eighteen months");
  }

  @Test
  void ownOutputCutByALinkListInsideTheArticle_articleElementWinsAndKeepsBothHalves() {
    StringBuilder links = new StringBuilder("<ul>");
    for (int i = 0; i < 30; i++) {
      links.append("<li><a href='/t").append(i).append("'>Topic link number ").append(i);
      links.append(" with a longer label</a></li>");
    }
    links.append("</ul>");
    String html =
        "<body><article><div>"
            + para("The first half of the report explains how the river flooded the town. ", 6)
            + "</div>"
            + links
            + "<div>"
            + para("The second half tells how the town rebuilt its bridges and homes. ", 6)
            + "</div></article></body>";

    Extraction e = extractor.explain(html, "https://news.example/flood");

    assertThat(e.decision().winner()).isEqualTo(ArticleExtractor.CONTAINER);
    assertThat(e.decision().reason()).contains("holds it").contains("cut article text");
    assertThat(e.article().text())
        .contains("first half")
        .contains("second half")
        .doesNotContain("Topic link");
  }

  @Test
  void ownOutputTooShort_jsonLdArticleBodyWinsAndReadabilityIsWeighed() {
    String body =
        "The museum reopened on Saturday after a renovation that took three years. ".repeat(8);
    String html =
        "<html><head><script type='application/ld+json'>"
            + "{\"@type\":\"NewsArticle\",\"headline\":\"Museum reopens\","
            + "\"datePublished\":\"2026-03-01T10:00:00Z\",\"articleBody\":\""
            + body
            + "\"}</script></head><body><div id='app'><p>Loading the story…</p></div></body></html>";

    Extraction e = extractor.explain(html, "https://news.example/museum");

    assertThat(e.decision().winner()).isEqualTo(ArticleExtractor.JSON_LD);
    assertThat(e.decision().reason()).contains("too short");
    assertThat(e.decision().candidates())
        .extracting(Candidate::name)
        .contains(ArticleExtractor.OWN, ArticleExtractor.JSON_LD, ArticleExtractor.READABILITY);
    assertThat(e.article().text()).contains("museum reopened");
  }

  @Test
  void nothingBetterThanAShortOwnOutput_ownStandsAndTheReasonSaysSo() {
    String html = "<body><p>Short note, nothing more to say.</p></body>";

    Extraction e = extractor.explain(html, null);

    assertThat(e.decision().winner()).isEqualTo(ArticleExtractor.OWN);
    assertThat(e.decision().reason()).contains("too short").contains("it stands");
  }

  @Test
  void fallbackShareZero_neverLeavesAcceptableOwnOutput() {
    ArticleExtractor never =
        new ArticleExtractor(new ArticleExtractor.Tuning(1.5, 0.8, 60, 0.33, false, 0));
    StringBuilder links = new StringBuilder("<ul>");
    for (int i = 0; i < 30; i++) {
      links.append("<li><a href='/t").append(i).append("'>Topic link number ").append(i);
      links.append(" with a longer label</a></li>");
    }
    links.append("</ul>");
    String html =
        "<body><article><div>"
            + para("The first half of the report explains how the river flooded the town. ", 6)
            + "</div>"
            + links
            + "<div>"
            + para("The second half tells how the town rebuilt its bridges and homes. ", 6)
            + "</div></article></body>";

    assertThat(never.explain(html, null).decision().winner()).isEqualTo(ArticleExtractor.OWN);
  }

  @Test
  void tuning_rejectsEveryBadValueAtOnce() {
    assertThatThrownBy(() -> new ArticleExtractor.Tuning(0, 0.2, 0, 2, false, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chromePenalty")
        .hasMessageContaining("narrowShare")
        .hasMessageContaining("proseChars")
        .hasMessageContaining("linkDensity")
        .hasMessageContaining("fallbackShare");
  }
}
