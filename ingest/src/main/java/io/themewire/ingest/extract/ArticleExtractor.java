package io.themewire.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.Published;
import io.themewire.ingest.feed.Dates;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds the main content of an article page and its metadata.
 *
 * <p>Content: page chrome (navigation, sidebars, footers, comment sections, share bars, bylines,
 * captions) is removed by tag and by class/id hints; {@link ContentFinder} then picks the element
 * whose prose most outweighs its chrome (if the hints removed too much, the page is read again
 * without them). Metadata comes from JSON-LD first, then OpenGraph / article meta tags, then
 * visible markup. Thread-safe (stateless apart from its canonicalizer).
 */
public final class ArticleExtractor {

  private static final Pattern UNLIKELY =
      Pattern.compile(
          "(?i)comment|sidebar|footer|\\bnav|menu|share|sharing|social|related|cookie|consent"
              + "|newsletter|subscribe|signup|sign-up|popular|trending|advert|\\bads?\\b|sponsor"
              + "|banner|breadcrumb|author-?bio|\\bbio\\b|masthead|modal|popup|disqus"
              + "|pagination|tags|tag-list|skip-link|toolbar|print-only|recommend|more-stories"
              + "|byline|dateline|timestamp|credit|caption|teaser|recirc|outbrain|taboola"
              + "|most-read|read-more|also-read|\\bdek\\b|standfirst|subtitle");
  private static final Pattern LIKELY =
      Pattern.compile(
          "(?i)article|content|entry|\\bmain\\b|\\bpost\\b|post-body|story|body-text|prose");
  private static final Pattern URL_DATE =
      Pattern.compile("/(20\\d\\d|19\\d\\d)/(\\d{1,2})/(\\d{1,2})/");

  /**
   * Never article text. The raw-text elements among them (title, textarea, xmp, plaintext, noembed,
   * noframes) matter most: one left open in the body swallows the rest of the page, markup and all,
   * as its text (found by ParserFuzzTest).
   */
  private static final String REMOVE_TAGS =
      "script, style, noscript, template, nav, footer, aside, iframe, svg, button, input,"
          + " select, textarea, object, embed, canvas, dialog, figcaption, title, xmp, plaintext,"
          + " noembed, noframes";

  /** Hints that stay chrome even where they also say "content" ("comment-content"). */
  private static final Pattern NEVER_CONTENT = Pattern.compile("(?i)comment|cookie|consent|share");

  /** Below this many characters an extraction is retried with fewer removals. */
  static final int MIN_TEXT_CHARS = 250;

  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

  /**
   * Extracts one page.
   *
   * @param html the page
   * @param url the address it was read from, or null; used to resolve links and as the fallback
   *     canonical URL
   */
  public Article extract(String html, String url) {
    DoctypeSubset.Stripped page = DoctypeSubset.strip(html == null ? "" : html);
    Document doc = Jsoup.parse(page.html(), url == null ? "" : url);
    DoctypeSubset.dropReferences(doc, page.entities());
    return extract(doc, url);
  }

  /**
   * Extracts one page from its bytes, decoding them as browsers do: the HTTP charset if given, else
   * a byte-order mark, else {@code <meta charset>}, else UTF-8.
   *
   * @param charset the Content-Type charset, or null
   */
  public Article extract(byte[] html, String charset, String url) {
    DoctypeSubset.Stripped page = DoctypeSubset.strip(html);
    try {
      Document doc =
          Jsoup.parse(
              new java.io.ByteArrayInputStream(page.bytes()), charset, url == null ? "" : url);
      DoctypeSubset.dropReferences(doc, page.entities());
      return extract(doc, url);
    } catch (java.io.IOException
        | java.nio.charset.IllegalCharsetNameException
        | java.nio.charset.UnsupportedCharsetException e) {
      return extract(new String(html, java.nio.charset.StandardCharsets.UTF_8), url);
    }
  }

  private Article extract(Document doc, String url) {
    JsonNode ld = jsonLdArticle(doc);
    String title = title(doc, ld);
    String byline = byline(doc, ld);
    Published published = published(doc, ld, url);
    String language = language(doc);
    CanonicalUrl canonical = canonicalUrl(doc, url);
    String siteName = meta(doc, "og:site_name");
    String text = content(doc.clone(), title, true);
    if (text.length() < MIN_TEXT_CHARS) {
      // Class hints misled us (some page builders call every block a "widget"): try without them.
      String retry = content(doc, title, false);
      if (retry.length() > text.length()) {
        text = retry;
      }
    }
    return new Article(title, byline, published, language, canonical, siteName, text);
  }

  // ---- content -------------------------------------------------------------------------------

  private String content(Document doc, String title, boolean useClassHints) {
    Element body = doc.body();
    body.select(REMOVE_TAGS).remove();
    if (useClassHints) {
      removeUnlikely(body);
    }
    List<ContentFinder.Run> runs = ContentFinder.runs(body);
    Element best = ContentFinder.find(body, runs);
    if (best == null) {
      return HtmlText.of(body);
    }
    return dropLeadingTitle(ContentFinder.text(best, runs), title);
  }

  private static void removeUnlikely(Element body) {
    List<Element> doomed = new ArrayList<>();
    for (Element el : body.getAllElements()) {
      if (el == body || el.normalName().equals("html")) {
        continue;
      }
      String hint = el.className() + " " + el.id() + " " + el.attr("role");
      if (UNLIKELY.matcher(hint).find()
              && (!LIKELY.matcher(hint).find() || NEVER_CONTENT.matcher(hint).find())
          || el.attr("role").equalsIgnoreCase("navigation")
          || el.attr("role").equalsIgnoreCase("complementary")
          || el.hasAttr("hidden")
          || el.attr("aria-hidden").equals("true")) {
        doomed.add(el);
      }
    }
    for (Element el : doomed) {
      el.remove();
    }
  }

  /**
   * The text without paragraphs that repeat the headline, or that are stray markup shown as text.
   */
  private static String dropLeadingTitle(String text, String title) {
    StringBuilder out = new StringBuilder();
    for (String para : text.split("\n\n")) {
      String p = para.strip();
      if (p.isEmpty()
          || (!title.isEmpty() && p.equalsIgnoreCase(title.strip()))
          || STRAY_MARKUP.matcher(p).matches()) {
        continue;
      }
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(p);
    }
    return out.toString();
  }

  /** A paragraph that is an HTML tag shown as text (an escaped tracking pixel, say). */
  private static final Pattern STRAY_MARKUP =
      Pattern.compile("(?s)<[a-zA-Z][^>]*>\\s*(?:</[a-zA-Z]+>)?");

  // ---- metadata ------------------------------------------------------------------------------

  private static JsonNode jsonLdArticle(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode root = Json.mapper().readTree(script.data());
        JsonNode found = findArticleNode(root, 0);
        if (found != null) {
          return found;
        }
      } catch (Exception e) {
        // Broken JSON-LD is common and harmless: fall back to meta tags and markup.
      }
    }
    return null;
  }

  private static JsonNode findArticleNode(JsonNode node, int depth) {
    if (node == null || depth > 6) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        JsonNode f = findArticleNode(n, depth + 1);
        if (f != null) {
          return f;
        }
      }
      return null;
    }
    if (node.isObject()) {
      String type =
          node.path("@type").isArray()
              ? node.path("@type").toString()
              : node.path("@type").asText("");
      if (type.matches("(?s).*(Article|BlogPosting|Posting|Report|WebPage).*")
          && (node.has("headline") || node.has("datePublished"))) {
        return node;
      }
      return findArticleNode(node.get("@graph"), depth + 1);
    }
    return null;
  }

  private static String title(Document doc, JsonNode ld) {
    String og = meta(doc, "og:title");
    if (og != null) {
      return og;
    }
    if (ld != null && ld.hasNonNull("headline")) {
      return HtmlText.normalise(ld.get("headline").asText());
    }
    Element h1 = doc.selectFirst("h1");
    String docTitle = doc.title().strip();
    if (h1 != null && !h1.text().isBlank()) {
      return h1.text().strip();
    }
    return stripSiteName(docTitle);
  }

  private static String stripSiteName(String title) {
    String[] parts = title.split("\\s+[|\\-–—:·»]\\s+");
    String longest = title;
    if (parts.length > 1) {
      longest = parts[0];
      for (String p : parts) {
        if (p.length() > longest.length()) {
          longest = p;
        }
      }
    }
    return longest.strip();
  }

  private static String byline(Document doc, JsonNode ld) {
    if (ld != null) {
      JsonNode author = ld.get("author");
      if (author != null && author.isArray() && author.size() > 0) {
        author = author.get(0);
      }
      if (author != null) {
        String name = author.isObject() ? author.path("name").asText("") : author.asText("");
        if (!name.isBlank()) {
          return name.strip();
        }
      }
    }
    for (String key : new String[] {"author", "article:author", "dc.creator", "byl"}) {
      String v = meta(doc, key);
      if (v != null && !v.startsWith("http")) {
        return v.replaceFirst("(?i)^by\\s+", "");
      }
    }
    Element rel = doc.selectFirst("[rel=author], .byline, .author-name, [itemprop=author]");
    if (rel != null && !rel.text().isBlank() && rel.text().length() < 100) {
      return rel.text().strip().replaceFirst("(?i)^by\\s+", "");
    }
    return null;
  }

  private static Published published(Document doc, JsonNode ld, String url) {
    if (ld != null && ld.hasNonNull("datePublished")) {
      Optional<Instant> at = Dates.parse(ld.get("datePublished").asText());
      if (at.isPresent()) {
        return new Published(at.get(), Published.Provenance.JSON_LD, 0.95);
      }
    }
    for (String key :
        new String[] {
          "article:published_time",
          "og:published_time",
          "datePublished",
          "date",
          "pubdate",
          "dc.date",
          "dcterms.created",
          "publish-date"
        }) {
      String v = meta(doc, key);
      Optional<Instant> at = v == null ? Optional.empty() : Dates.parse(v);
      if (at.isPresent()) {
        return new Published(at.get(), Published.Provenance.META_TAG, 0.9);
      }
    }
    Element time = doc.selectFirst("time[datetime]");
    if (time != null) {
      Optional<Instant> at = Dates.parse(time.attr("datetime"));
      if (at.isPresent()) {
        return new Published(at.get(), Published.Provenance.TIME_ELEMENT, 0.8);
      }
    }
    if (url != null) {
      Matcher m = URL_DATE.matcher(url);
      if (m.find()) {
        Optional<Instant> at =
            Dates.parse(
                String.format(
                    Locale.ROOT,
                    "%s-%02d-%02dT00:00:00Z",
                    m.group(1),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        if (at.isPresent()) {
          return new Published(at.get(), Published.Provenance.URL, 0.6);
        }
      }
    }
    return null;
  }

  private static String language(Document doc) {
    String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
    if (lang.isBlank()) {
      lang = meta(doc, "og:locale") == null ? "" : meta(doc, "og:locale");
    }
    lang = lang.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = lang.indexOf('-');
    lang = dash > 0 ? lang.substring(0, dash) : lang;
    return lang.matches("[a-z]{2,3}") ? lang : null;
  }

  private CanonicalUrl canonicalUrl(Document doc, String url) {
    Elements links = doc.select("link[rel=canonical][href]");
    for (Element link : links) {
      Optional<CanonicalUrl> c = canonicalizer.canonicalize(link.attr("href"), url);
      if (c.isPresent()) {
        return c.get();
      }
    }
    String og = meta(doc, "og:url");
    if (og != null) {
      Optional<CanonicalUrl> c = canonicalizer.canonicalize(og, url);
      if (c.isPresent()) {
        return c.get();
      }
    }
    return url == null ? null : canonicalizer.canonicalize(url).orElse(null);
  }

  private static String meta(Document doc, String key) {
    for (Element m : doc.select("meta[content]")) {
      String name = m.hasAttr("property") ? m.attr("property") : m.attr("name");
      if (name.isEmpty()) {
        name = m.attr("itemprop");
      }
      if (name.equalsIgnoreCase(key)) {
        String v = m.attr("content").strip();
        if (!v.isEmpty()) {
          return v;
        }
      }
    }
    return null;
  }
}
