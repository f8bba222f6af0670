package io.themewire.digest.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ClassifiedItem;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** RELIABILITY 27: markup in titles and texts renders as inert text in every format. */
class HostileInputTest {

  static final String TITLE =
      "<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3)";

  static final ClassifiedItem HOSTILE =
      TestItems.at("https://evil.example/post?q=%3Cscript%3E&x=%22onerror%3D")
          .title(TITLE)
          .published("2026-11-24T10:00:00Z")
          .theme("ic-leadership", 0.9)
          .direction("<b onmouseover=alert(5)>lead</b>", "staff \" onerror=\"alert(6)")
          .sentence(
              "Read <a href=\"ja\tvascript:alert(7)\">this</a> and <svg onload=alert(8)> now, senior engineers.",
              0.9)
          .sentence(
              "Then <iframe src=\"//evil.example\"></iframe> and <p style=\"position:fixed\">a staff engineer</p> again.",
              0.8)
          .build();

  private static Briefing briefing() {
    return BriefingFixture.builder()
        .build(BriefingFixture.DAY_24, List.of(HOSTILE), BriefingBuilder.Previous.none());
  }

  // RELIABILITY row 27: the briefing's HTML half (the page's half is WebPageIT's)
  @Test
  void html_hostileTitleAndText_areInertText() {
    String html = HtmlRenderer.render(briefing());
    assertInert(Jsoup.parse(html));
    assertThat(Jsoup.parse(html).text()).contains(TITLE);
  }

  @Test
  void atom_contentHtml_isInertToo() {
    String feed = AtomRenderer.render(List.of(briefing()));
    Document xml = Jsoup.parse(feed, "", Parser.xmlParser());
    assertThat(xml.select("script, iframe, svg, img")).isEmpty();
    String content = xml.selectFirst("entry > content").text();
    assertInert(Jsoup.parse(content));
    assertThat(Jsoup.parse(content).text()).contains(TITLE);
  }

  @Test
  void markdown_escapesEveryMarkupCharacter() {
    String md = MarkdownRenderer.render(briefing());
    String text = md.replaceAll("\\]\\(https?://[^)\\s]*\\)", "]"); // link destinations aside
    assertThat(text).doesNotContainPattern("(?<!\\\\)[<>&]"); // every < > & backslash-escaped
    assertThat(md).contains("\\<script\\>alert(1)\\</script\\>");
    assertThat(md).doesNotContainPattern("\\]\\((?!https?://)");
  }

  @Test
  void json_carriesNoMarkupCharacters() {
    String json = JsonRenderer.render(briefing());
    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(JsonRenderer.parse(json).stories().get(0).headline()).isEqualTo(TITLE);
  }

  private static void assertInert(Document doc) {
    assertThat(
            doc.select(
                "script, iframe, svg, img, object, embed, style, form, link, meta[http-equiv]"))
        .isEmpty();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).as("attribute on <%s>", e.tagName()).doesNotStartWith("on");
      }
    }
    for (Element a : doc.select("a")) {
      assertThat(a.attr("href")).matches("https?://.+");
      assertThat(a.attr("rel")).isEqualTo("nofollow noopener noreferrer");
    }
  }
}
