package io.themewire.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.Published;
import io.themewire.ingest.feed.Dates;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the main content of an article page and its metadata.
 *
 * <p>Content: the page is read once into a {@link PageModel} (runs of text per block with their
 * link share, per element prose, chrome and teaser-card structure; navigation, forms and class/id
 * chrome skipped). The element whose prose most outweighs its chrome gives the own output. It is
 * then weighed against structural candidates, as trafilatura does: the page's {@code <article>} /
 * {@code <main>} container and JSON-LD {@code articleBody} always, Readability4J when the own
 * output looks too short or too link-heavy. {@link #explain} tells which won and why. Site
 * furniture lines are dropped by a per-language vocabulary kept as data ({@link Furniture}).
 * Metadata comes from JSON-LD first, then OpenGraph / article meta tags, then visible markup.
 * Thread-safe (stateless apart from its canonicalizer).
 */
public final class ArticleExtractor {

  private static final Logger log = LoggerFactory.getLogger(ArticleExtractor.class);

  private static final Pattern URL_DATE =
      Pattern.compile("/(20\\d\\d|19\\d\\d)/(\\d{1,2})/(\\d{1,2})/");

  /** Below this many characters an extraction is retried with fewer removals. */
  static final int MIN_TEXT_CHARS = 250;

  /**
   * Constants of the content rules, kept together so that the benchmark can choose them by
   * cross-validation rather than by hand on the pages it reports.
   *
   * @param chromePenalty how much a character of chrome weighs against a character of prose
   * @param narrowShare a child holding this share of its parent's prose is taken as the article
   * @param proseChars a run this long, with few links, reads as prose
   * @param linkDensity above this share of link text a run is navigation
   * @param keepFragments keep short link-free fragments of four or more words inside the content
   *     (sentences split across elements), not only prose, headings and paragraphs
   * @param fallbackShare own output shorter than this share of a structural candidate that holds it
   *     gives way to that candidate; 0 never
   */
  public record Tuning(
      double chromePenalty,
      double narrowShare,
      int proseChars,
      double linkDensity,
      boolean keepFragments,
      double fallbackShare) {

    /** The constants chosen by 5-fold cross-validation by site on the shared corpus. */
    public static final Tuning DEFAULTS = new Tuning(1.5, 0.8, 60, 0.33, false, 0.6);

    public Tuning {
      List<String> wrong = new ArrayList<>();
      if (!(chromePenalty > 0 && chromePenalty <= 10)) {
        wrong.add("chromePenalty must be in (0, 10], got " + chromePenalty);
      }
      if (!(narrowShare > 0.5 && narrowShare <= 1)) {
        wrong.add("narrowShare must be in (0.5, 1], got " + narrowShare);
      }
      if (proseChars < 1 || proseChars > 10_000) {
        wrong.add("proseChars must be 1..10000, got " + proseChars);
      }
      if (!(linkDensity > 0 && linkDensity <= 1)) {
        wrong.add("linkDensity must be in (0, 1], got " + linkDensity);
      }
      if (!(fallbackShare >= 0 && fallbackShare < 1)) {
        wrong.add("fallbackShare must be in [0, 1), got " + fallbackShare);
      }
      if (!wrong.isEmpty()) {
        throw new IllegalArgumentException("bad extraction tuning: " + String.join("; ", wrong));
      }
    }
  }

  /** One candidate for the article text: who proposed it, how long it is, how much is links. */
  public record Candidate(String name, int chars, double linkDensity) {}

  /**
   * Which candidate gave the article text, and why.
   *
   * @param winner the candidate's name ({@link #OWN}, {@link #CONTAINER}, {@link #JSON_LD}, {@link
   *     #READABILITY})
   * @param reason one sentence a person can check against the page
   * @param candidates every candidate weighed, the winner among them
   */
  public record Decision(String winner, String reason, List<Candidate> candidates) {
    public Decision {
      candidates = List.copyOf(candidates);
    }
  }

  /** An article with the decision that chose its text. */
  public record Extraction(Article article, Decision decision) {}

  /** Candidate names. */
  public static final String OWN = "own";

  public static final String CONTAINER = "article-element";
  public static final String JSON_LD = "json-ld-articleBody";
  public static final String READABILITY = "readability4j";

  /**
   * Readability4J recurses over the tree; a page nested deeper than this is not handed to it (the
   * own output stands), so a hostile page costs no stack.
   */
  static final int READABILITY_MAX_DEPTH = 400;

  /** Above this share of link text a whole extraction reads as navigation. */
  static final double LINK_HEAVY = 0.3;

  /** A candidate "holds" the own output when it contains this share of its paragraphs. */
  static final double HOLDS_SHARE = 0.8;

  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
  private final Tuning tuning;

  /** An extractor with the {@link Tuning#DEFAULTS}. */
  public ArticleExtractor() {
    this(Tuning.DEFAULTS);
  }

  /** An extractor with other content constants (the benchmark's cross-validation uses this). */
  public ArticleExtractor(Tuning tuning) {
    this.tuning = java.util.Objects.requireNonNull(tuning, "tuning");
  }

  /**
   * Extracts one page.
   *
   * @param html the page
   * @param url the address it was read from, or null; used to resolve links and as the fallback
   *     canonical URL
   */
  public Article extract(String html, String url) {
    return explain(html, url).article();
  }

  /**
   * Extracts one page from its bytes, decoding them as browsers do: the HTTP charset if given, else
   * a byte-order mark, else {@code <meta charset>}, else UTF-8.
   *
   * @param charset the Content-Type charset, or null
   */
  public Article extract(byte[] html, String charset, String url) {
    return explain(html, charset, url).article();
  }

  /**
   * Extracts one parsed page; the document is read, never changed (callers that parse once and
   * extract several times, like the benchmark, rely on that).
   */
  public Article extract(Document doc, String url) {
    return explain(doc, url).article();
  }

  /** As {@link #extract(String, String)}, with the decision that chose the text. */
  public Extraction explain(String html, String url) {
    return explain(parse(html, url), url);
  }

  /** As {@link #extract(byte[], String, String)}, with the decision that chose the text. */
  public Extraction explain(byte[] html, String charset, String url) {
    DoctypeSubset.Stripped page = DoctypeSubset.strip(html);
    Document doc;
    try {
      doc =
          Jsoup.parse(
              new java.io.ByteArrayInputStream(CdataMarkers.neutralise(page.bytes())),
              charset,
              url == null ? "" : url);
    } catch (java.io.IOException
        | java.nio.charset.IllegalCharsetNameException
        | java.nio.charset.UnsupportedCharsetException e) {
      return explain(new String(html, java.nio.charset.StandardCharsets.UTF_8), url);
    }
    DoctypeSubset.dropReferences(doc, page.entities());
    return explain(doc, url);
  }

  /**
   * Parses a page as {@link #extract(String, String)} does, an internal DTD subset cut out first.
   */
  public static Document parse(String html, String url) {
    DoctypeSubset.Stripped page = DoctypeSubset.strip(html == null ? "" : html);
    Document doc = Jsoup.parse(CdataMarkers.neutralise(page.html()), url == null ? "" : url);
    DoctypeSubset.dropReferences(doc, page.entities());
    return doc;
  }

  /** As {@link #extract(Document, String)}, with the decision that chose the text. */
  public Extraction explain(Document doc, String url) {
    Map<String, String> meta = metaTags(doc);
    JsonNode ld = jsonLdArticle(doc);
    String title = title(doc, ld, meta);
    String byline = byline(doc, ld, meta);
    Published published = published(doc, ld, url, meta);
    String language = language(doc, meta);
    CanonicalUrl canonical = canonicalUrl(doc, url, meta);
    String siteName = meta.get("og:site_name");
    Chosen chosen = content(doc, ld, title, url);
    log.debug(
        "{} - article text from {}: {}",
        url,
        chosen.decision().winner(),
        chosen.decision().reason());
    return new Extraction(
        new Article(title, byline, published, language, canonical, siteName, chosen.text()),
        chosen.decision());
  }

  // ---- content -------------------------------------------------------------------------------

  /** A candidate's text and figures. */
  private record Text(String name, String text, double linkDensity) {
    Candidate candidate() {
      return new Candidate(name, text.length(), Math.round(linkDensity * 1000) / 1000.0);
    }
  }

  private record Chosen(String text, Decision decision) {}

  private Chosen content(Document doc, JsonNode ld, String title, String url) {
    Element body = doc.body();
    PageModel model = PageModel.read(body, true, tuning);
    Text own = own(model, title);
    String retried = "";
    if (own.text().length() < MIN_TEXT_CHARS) {
      // Class hints misled us (some page builders call every block a "widget"): try without them.
      PageModel plain = PageModel.read(body, false, tuning);
      Text again = own(plain, title);
      if (again.text().length() > own.text().length()) {
        own = again;
        model = plain;
        retried = " (read again without class hints)";
      }
    }
    List<Text> alternatives = new ArrayList<>();
    Text container = container(model, title);
    if (container != null) {
      alternatives.add(container);
    }
    Text jsonLd = jsonLdBody(ld, title);
    if (jsonLd != null) {
      alternatives.add(jsonLd);
    }
    List<Candidate> weighed = new ArrayList<>();
    weighed.add(own.candidate());
    alternatives.forEach(t -> weighed.add(t.candidate()));

    boolean tooShort = own.text().length() < MIN_TEXT_CHARS;
    boolean tooLinky = own.linkDensity() > LINK_HEAVY;
    if (!tooShort && !tooLinky) {
      Text better = null;
      for (Text alt : alternatives) {
        if (alt.linkDensity() <= LINK_HEAVY
            && own.text().length() < tuning.fallbackShare() * alt.text().length()
            && holds(alt.text(), own.text())
            && (better == null || alt.text().length() > better.text().length())) {
          better = alt;
        }
      }
      if (better == null) {
        return new Chosen(
            own.text(),
            new Decision(
                OWN,
                String.format(
                    Locale.ROOT,
                    "own output%s: %d chars, link density %.2f; no structural candidate holds it"
                        + " with more text",
                    retried,
                    own.text().length(),
                    own.linkDensity()),
                weighed));
      }
      return new Chosen(
          better.text(),
          new Decision(
              better.name(),
              String.format(
                  Locale.ROOT,
                  "own output (%d chars) is under %.0f%% of %s (%d chars, link density %.2f),"
                      + " which holds it: the scorer cut article text",
                  own.text().length(),
                  tuning.fallbackShare() * 100,
                  better.name(),
                  better.text().length(),
                  better.linkDensity()),
              weighed));
    }
    Text readability =
        model.maxDepth() <= READABILITY_MAX_DEPTH ? readability(doc, url, title) : null;
    if (readability != null) {
      alternatives.add(readability);
      weighed.add(readability.candidate());
    }
    Text winner = own;
    for (Text alt : alternatives) {
      if (alt.linkDensity() <= LINK_HEAVY && alt.text().length() > winner.text().length()) {
        winner = alt;
      }
    }
    String why =
        tooShort
            ? String.format(
                Locale.ROOT,
                "own output%s too short (%d < %d chars)",
                retried,
                own.text().length(),
                MIN_TEXT_CHARS)
            : String.format(
                Locale.ROOT,
                "own output too link-heavy (link density %.2f > %.2f)",
                own.linkDensity(),
                LINK_HEAVY);
    String verdict =
        winner == own
            ? "no candidate with link density <= 0.30 is longer, so it stands"
            : String.format(
                Locale.ROOT,
                "%s is the longest candidate with link density <= 0.30 (%d chars, %.2f)",
                winner.name(),
                winner.text().length(),
                winner.linkDensity());
    return new Chosen(winner.text(), new Decision(winner.name(), why + "; " + verdict, weighed));
  }

  private static Text own(PageModel model, String title) {
    Element best = model.best();
    if (best == null) {
      // No prose anywhere: the page's text, less what the walk skipped, is all there is.
      return new Text(
          OWN,
          dropLeadingTitle(PageModel.text(model.runs), title),
          PageModel.linkDensity(model.runs));
    }
    List<PageModel.Run> runs = model.keptRuns(best);
    return new Text(
        OWN, dropLeadingTitle(PageModel.text(runs), title), PageModel.linkDensity(runs));
  }

  /** The semantic container ({@code <article>}, {@code <main>}, ...) with the most kept text. */
  private static Text container(PageModel model, String title) {
    Text best = null;
    for (List<PageModel.Run> runs : model.keptRunsOfContainers().values()) {
      String text = dropLeadingTitle(PageModel.text(runs), title);
      if (best == null || text.length() > best.text().length()) {
        best = new Text(CONTAINER, text, PageModel.linkDensity(runs));
      }
    }
    return best == null || best.text().isEmpty() ? null : best;
  }

  private static Text jsonLdBody(JsonNode ld, String title) {
    if (ld == null || !ld.path("articleBody").isTextual()) {
      return null;
    }
    String text = dropLeadingTitle(HtmlText.fromHtml(ld.get("articleBody").asText()), title);
    return text.isEmpty() ? null : new Text(JSON_LD, text, 0);
  }

  private static Text readability(Document doc, String url, String title) {
    try {
      net.dankito.readability4j.Article a =
          new net.dankito.readability4j.extended.Readability4JExtended(
                  url == null ? "" : url, doc.clone())
              .parse();
      Element content = a.getArticleContent();
      if (content == null) {
        return null;
      }
      String text = dropLeadingTitle(HtmlText.of(content), title);
      int chars = content.text().length();
      int links = 0;
      for (Element link : content.select("a")) {
        links += link.text().length();
      }
      return text.isEmpty()
          ? null
          : new Text(READABILITY, text, chars == 0 ? 0 : Math.min(1.0, (double) links / chars));
    } catch (RuntimeException | StackOverflowError e) {
      // A library failing on one odd page must not fail the extraction: the own output stands.
      // (Its recursion is bounded by READABILITY_MAX_DEPTH; the catch is the last guard.)
      log.debug("{} - readability4j failed: {}", url, e.toString());
      return null;
    }
  }

  /** True when {@code outer} contains most paragraphs of {@code inner}, spaces aside. */
  static boolean holds(String outer, String inner) {
    String flat = HtmlText.collapse(outer);
    String[] paras = inner.split("\n\n");
    int found = 0;
    int total = 0;
    for (String p : paras) {
      String q = HtmlText.collapse(p);
      if (q.isEmpty()) {
        continue;
      }
      total++;
      if (flat.contains(q)) {
        found++;
      }
    }
    return total > 0 && found >= total * HOLDS_SHARE;
  }

  /**
   * The text without paragraphs that repeat the headline, or that are stray markup shown as text.
   */
  private static String dropLeadingTitle(String text, String title) {
    StringBuilder out = new StringBuilder();
    for (String para : text.split("\\n\\n")) {
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

  private static String title(Document doc, JsonNode ld, Map<String, String> meta) {
    String og = meta.get("og:title");
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

  private static String byline(Document doc, JsonNode ld, Map<String, String> meta) {
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
      String v = meta.get(key.toLowerCase(Locale.ROOT));
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

  private static Published published(
      Document doc, JsonNode ld, String url, Map<String, String> meta) {
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
      String v = meta.get(key.toLowerCase(Locale.ROOT));
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

  private static String language(Document doc, Map<String, String> meta) {
    String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
    if (lang.isBlank()) {
      lang = meta.getOrDefault("og:locale", "");
    }
    lang = lang.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = lang.indexOf('-');
    lang = dash > 0 ? lang.substring(0, dash) : lang;
    return lang.matches("[a-z]{2,3}") ? lang : null;
  }

  private CanonicalUrl canonicalUrl(Document doc, String url, Map<String, String> meta) {
    Elements links = doc.select("link[rel=canonical][href]");
    for (Element link : links) {
      Optional<CanonicalUrl> c = canonicalizer.canonicalize(link.attr("href"), url);
      if (c.isPresent()) {
        return c.get();
      }
    }
    String og = meta.get("og:url");
    if (og != null) {
      Optional<CanonicalUrl> c = canonicalizer.canonicalize(og, url);
      if (c.isPresent()) {
        return c.get();
      }
    }
    return url == null ? null : canonicalizer.canonicalize(url).orElse(null);
  }

  /** Meta tags by lower-cased name (property, else name, else itemprop); the first one wins. */
  private static Map<String, String> metaTags(Document doc) {
    Map<String, String> out = new HashMap<>();
    for (Element m : doc.select("meta[content]")) {
      String name = m.hasAttr("property") ? m.attr("property") : m.attr("name");
      if (name.isEmpty()) {
        name = m.attr("itemprop");
      }
      String v = m.attr("content").strip();
      if (!name.isEmpty() && !v.isEmpty()) {
        out.putIfAbsent(name.toLowerCase(Locale.ROOT), v);
      }
    }
    return out;
  }
}
