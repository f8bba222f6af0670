package io.themewire.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Pages written for these tests in German, French, Spanish and Japanese (not taken from any site):
 * the article's passages must be in the text, the site's furniture, comments, teasers and notices
 * in the page's own language must not.
 */
class MultilingualExtractionTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  private String text(String fixture) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/extract/" + fixture)) {
      assertThat(in).as(fixture).isNotNull();
      return extractor.extract(in.readAllBytes(), null, "https://example.org/" + fixture).text();
    }
  }

  @Test
  void german_keepsEveryParagraphAndDropsAnzeigeSharingCommentsAndConsent() throws IOException {
    String text = text("de-news.html");
    assertThat(text)
        .contains("Wer in der Innenstadt mit Fernwärme heizt")
        .contains("Großwärmepumpen kommen")
        .contains("Die Verbraucherzentrale rät")
        .contains("Kritik aus dem Stadtrat")
        .contains("Nachbarstädte bereits im Herbst gestiegen");
    assertThat(text)
        .doesNotContain("Anzeige")
        .doesNotContain("Artikel teilen")
        .doesNotContain("Neues Wärmenetz")
        .doesNotContain("Kommentar schreiben")
        .doesNotContain("Frechheit")
        .doesNotContain("Newsletter abonnieren")
        .doesNotContain("Alle Rechte vorbehalten")
        .doesNotContain("Cookies");
  }

  @Test
  void french_keepsTheQuoteAndDropsPartagerLireAussiAndTheSubscriptionPlea() throws IOException {
    String text = text("fr-blog.html");
    assertThat(text)
        .contains("les trains de nuit reviennent sur les rails européens")
        .contains("Paris à Vienne en une nuit")
        .contains("Le confort reste inégal")
        .contains("le voyage qui commence avant même d'arriver")
        .contains("Reste la question de la ponctualité");
    assertThat(text)
        .doesNotContain("Partager cet article")
        .doesNotContain("Lire aussi")
        .doesNotContain("Traverser les Alpes")
        .doesNotContain("Laisser un commentaire")
        .doesNotContain("ne sera pas publiée")
        .doesNotContain("Recevez chaque mois")
        .doesNotContain("Tous droits réservés");
  }

  @Test
  void spanish_keepsTheReportAndDropsPublicidadRelatedNewsAndCookies() throws IOException {
    String text = text("es-news.html");
    assertThat(text)
        .contains("recorte del treinta por ciento")
        .contains("cuarenta y dos por ciento de su capacidad")
        .contains("ayudas directas para los agricultores")
        .contains("no descartó nuevas restricciones");
    assertThat(text)
        .doesNotContain("Publicidad")
        .doesNotContain("Compartir en")
        .doesNotContain("Noticias relacionadas")
        .doesNotContain("Los embalses pierden")
        .doesNotContain("Deja un comentario")
        .doesNotContain("Lo más leído")
        .doesNotContain("derechos reservados")
        .doesNotContain("cookies");
  }

  @Test
  void japanese_keepsEveryParagraphAndDropsShareRelatedAndCopyright() throws IOException {
    String text = text("ja-news.html");
    assertThat(text)
        .contains("平日の開館時間を午後九時まで延長する")
        .contains("四割近くにのぼった")
        .contains("ほかの分館にも広げるか検討したい")
        .contains("返却ポストの増設");
    assertThat(text)
        .doesNotContain("シェア")
        .doesNotContain("関連記事")
        .doesNotContain("電子書籍の貸し出し")
        .doesNotContain("コメントを書く")
        .doesNotContain("無断転載")
        .doesNotContain("All rights reserved");
  }

  @Test
  void furnitureVocabulary_isReadFromOneFilePerLanguage() {
    for (String lang : Furniture.LANGUAGES) {
      assertThat(Furniture.class.getResource("furniture/" + lang + ".txt")).as(lang).isNotNull();
    }
    assertThat(Furniture.LANGUAGES).contains("en", "de", "fr", "es", "ja");
    assertThat(Furniture.matches("Kommentare")).isTrue();
    assertThat(Furniture.matches("Lire la suite")).isTrue();
    assertThat(Furniture.matches("Publicidad")).isTrue();
    assertThat(Furniture.matches("関連記事")).isTrue();
    assertThat(Furniture.matches("Die Anzeige wurde im Stadtrat lange diskutiert.")).isFalse();
  }
}
