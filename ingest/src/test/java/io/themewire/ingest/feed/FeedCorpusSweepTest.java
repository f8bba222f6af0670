package io.themewire.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.RawItem;
import io.themewire.ingest.extract.HtmlText;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Sweeps the shared feed corpus ({@code shared/corpora/feeds}, see its README and manifest): every
 * feed is its own test, parsed within 2 s, and only a {@link FeedParseException} with a reason code
 * and a one-line message is an acceptable failure. Per subset:
 *
 * <ul>
 *   <li>{@code wellformed}: no error; as many items as the file has, and every item's title and
 *       link come out when the file has them;
 *   <li>{@code realworld}: no error; the expected entry count, first title and first link;
 *   <li>{@code illformed}, {@code edgecases}: a file that is not well-formed XML gives an error or
 *       a degraded feed; a feed is never empty when the file has entries; an empty file or an
 *       unknown root is an {@code empty} or {@code not-a-feed} error;
 *   <li>{@code encoding}: where upstream expects a clean parse, no U+FFFD in the titles.
 * </ul>
 *
 * <p>Each subset ends with a summary test whose message counts the outcomes. Skipped when the
 * corpus is not beside the repository.
 */
class FeedCorpusSweepTest {

  /** The corpus, relative to the ingest module (the working directory of its tests). */
  private static final Path CORPUS = Path.of("../../shared/corpora/feeds");

  private static final Instant FETCHED = Instant.parse("2026-11-26T00:00:00Z");
  private static final long LIMIT_SECONDS = 2;
  private static final List<String> SUBSETS =
      List.of("wellformed", "realworld", "illformed", "edgecases", "encoding");
  private static final Set<String> FEED_ROOTS = Set.of("rss", "RDF", "feed", "channel", "entry");

  /** Namespaces whose {@code title} and {@code link} are the entry's own. */
  private static final Set<String> FEED_NAMESPACES =
      Set.of(
          "",
          "http://www.w3.org/2005/Atom",
          "http://purl.org/atom/ns#",
          "http://purl.org/rss/1.0/",
          "http://my.netscape.com/rdf/simple/0.9/",
          "http://backend.userland.com/rss2");

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final Pattern REASON = Pattern.compile("[a-z]+(-[a-z]+)*");
  private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://\\S+$");

  private static final FeedParser PARSER = new FeedParser();
  private static final UrlCanonicalizer CANONICALIZER = new UrlCanonicalizer();

  @BeforeAll
  static void corpusIsThere() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(CORPUS),
        () -> "no feed corpus at " + CORPUS.toAbsolutePath().normalize() + ": sweep skipped");
    // Class loading (ROME, JAXP, jsoup) is a one-off cost, not the parser's: pay it first.
    PARSER.parse(
        "<rss version=\"2.0\"><channel><title>warm</title></channel></rss>".getBytes(UTF_8),
        "warm-up",
        FETCHED);
    try {
      PARSER.parse("<rss><channel><item><title>warm".getBytes(UTF_8), "warm-up", FETCHED);
    } catch (FeedParseException expected) {
      // the lenient reader is loaded too
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyFeedInTheCorpus() throws IOException {
    Map<String, List<Row>> bySubset = new LinkedHashMap<>();
    for (String subset : SUBSETS) {
      bySubset.put(subset, new ArrayList<>());
    }
    for (Row row : Row.readManifest(CORPUS.resolve("manifest.tsv"))) {
      bySubset.computeIfAbsent(row.subset(), s -> new ArrayList<>()).add(row);
    }
    return bySubset.entrySet().stream()
        .map(
            e -> {
              Tally tally = new Tally(e.getKey(), e.getValue().size());
              Stream<DynamicTest> feeds =
                  e.getValue().stream()
                      .map(
                          row ->
                              DynamicTest.dynamicTest(
                                  row.path(),
                                  CORPUS.resolve(row.path()).toUri(),
                                  tally.checked(row, () -> check(row, tally))));
              DynamicTest summary =
                  DynamicTest.dynamicTest(e.getKey() + " summary", tally::assertAllPassed);
              return DynamicContainer.dynamicContainer(
                  e.getKey(), Stream.concat(feeds, Stream.of(summary)));
            });
  }

  private static void check(Row row, Tally tally) throws Exception {
    Path file = CORPUS.resolve(row.path());
    Result result = parseWithinLimit(Files.readAllBytes(file), file.toString());
    tally.record(result);
    if (result.error() != null) {
      FeedParseException e = result.error();
      assertThat(e.reason()).as(row.path() + " reason").matches(REASON);
      assertThat(e.getMessage())
          .as(row.path() + " message")
          .isNotBlank()
          .doesNotContain("\n")
          .doesNotContain("\r");
    }
    switch (row.subset()) {
      case "wellformed" -> checkWellFormed(row, file, result);
      case "realworld" -> checkRealWorld(row, result);
      case "encoding" -> checkEncoding(row, result);
      default -> checkIllFormed(row, result);
    }
  }

  private static void checkWellFormed(Row row, Path file, Result result) throws Exception {
    assertThat(result.error()).as(row.path() + " must parse").isNull();
    List<RawItem> items = result.feed().items();
    List<SourceItem> expected = sourceItems(file);
    assertThat(items).as(row.path() + " items").hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i).hasTitle()) {
        assertThat(items.get(i).title()).as(row.path() + " item " + i + " title").isNotBlank();
      }
      if (expected.get(i).hasLink()) {
        assertThat(items.get(i).url()).as(row.path() + " item " + i + " link").isNotNull();
      }
    }
  }

  private static void checkRealWorld(Row row, Result result) {
    assertThat(result.error()).as(row.path() + " must parse").isNull();
    List<RawItem> items = result.feed().items();
    assertThat(items).as(row.path() + " entries").hasSize(Integer.parseInt(row.expectedEntries()));
    if (items.isEmpty()) {
      return;
    }
    if (!row.expectedTitle().isEmpty()) {
      assertThat(collapse(items.get(0).title()))
          .as(row.path() + " first title")
          .isEqualTo(collapse(row.expectedTitle()));
    }
    if (!row.expectedLink().isEmpty()) {
      // Relative or non-URL expectations ("/blog/1", a placeholder) say nothing about the
      // canonical URL; an absolute one must come out in canonical form.
      Optional<CanonicalUrl> link = CANONICALIZER.canonicalize(row.expectedLink().strip());
      link.ifPresent(
          url -> assertThat(items.get(0).url()).as(row.path() + " first link").isEqualTo(url));
    }
  }

  private static void checkIllFormed(Row row, Result result) {
    if (!FEED_ROOTS.contains(row.root())) {
      assertThat(result.error())
          .as(row.path() + " (root '" + row.root() + "') must be refused")
          .isNotNull();
      assertThat(result.error().reason()).isIn("empty", "not-a-feed");
      return;
    }
    if (!row.wellFormed()) {
      assertThat(result.error() != null || result.feed().degraded())
          .as(row.path() + " is not well-formed: an error or a degraded feed")
          .isTrue();
    }
    if (result.feed() != null && row.entries() > 0) {
      assertThat(result.feed().items())
          .as(row.path() + " has " + row.entries() + " entries")
          .isNotEmpty();
    }
  }

  private static void checkEncoding(Row row, Result result) {
    if (!row.bozo().equals("no")) {
      return;
    }
    assertThat(result.error()).as(row.path() + " must parse").isNull();
    ParsedFeed feed = result.feed();
    assertThat(feed.source().name()).as(row.path() + " feed title").doesNotContain("\uFFFD");
    for (RawItem item : feed.items()) {
      assertThat(item.title()).as(row.path() + " item title").doesNotContain("\uFFFD");
      assertThat(item.text()).as(row.path() + " item text").doesNotContain("\uFFFD");
    }
    switch (Path.of(row.path()).getFileName().toString()) {
      case "euc-kr.xml" -> assertThat(feed.source().name()).isEqualTo("\ub144");
      case "euc-kr-item.xml" -> assertThat(feed.items().get(0).text()).isEqualTo("\ub144");
      case "demoronize-1.xml", "demoronize-2.xml" ->
          assertThat(feed.items().get(0).text()).isEqualTo("don\u2019t");
      default -> {
        // no golden value
      }
    }
  }

  /** Parses on its own thread; a parse that is not done within the limit fails the test. */
  private static Result parseWithinLimit(byte[] bytes, String location) throws Exception {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "feed-corpus-sweep");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<ParsedFeed> parse = executor.submit(() -> PARSER.parse(bytes, location, FETCHED));
      try {
        return new Result(parse.get(LIMIT_SECONDS, TimeUnit.SECONDS), null);
      } catch (TimeoutException e) {
        parse.cancel(true);
        throw new AssertionError(location + " was not parsed within " + LIMIT_SECONDS + " s", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof FeedParseException error) {
          return new Result(null, error);
        }
        throw new AssertionError(
            location + " failed with " + e.getCause() + ", not a FeedParseException", e.getCause());
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * The items of a well-formed file as the JDK's own parser sees them (entities expanded, nothing
   * fetched): whether each has a title, and an absolute http(s) link of its own.
   */
  private static List<SourceItem> sourceItems(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    builder.setErrorHandler(null);
    org.w3c.dom.Document doc = builder.parse(file.toFile());
    List<SourceItem> items = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element el = (org.w3c.dom.Element) all.item(i);
      String local = el.getLocalName();
      if ("item".equals(local) || "entry".equals(local)) {
        items.add(new SourceItem(hasTitle(el), hasLink(el)));
      }
    }
    return items;
  }

  private static boolean hasTitle(org.w3c.dom.Element item) {
    for (org.w3c.dom.Element child : feedChildren(item, "title")) {
      if (!HtmlText.fromHtml(child.getTextContent()).isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLink(org.w3c.dom.Element item) {
    for (org.w3c.dom.Element link : feedChildren(item, "link")) {
      if (ATOM.equals(link.getNamespaceURI())) {
        String rel = link.getAttribute("rel");
        if ((rel.isEmpty() || rel.equals("alternate"))
            && HTTP_URL.matcher(link.getAttribute("href").strip()).matches()) {
          return true;
        }
      } else if (HTTP_URL.matcher(link.getTextContent().strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<org.w3c.dom.Element> feedChildren(org.w3c.dom.Element parent, String name) {
    List<org.w3c.dom.Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof org.w3c.dom.Element el
          && name.equals(el.getLocalName())
          && FEED_NAMESPACES.contains(el.getNamespaceURI() == null ? "" : el.getNamespaceURI())) {
        found.add(el);
      }
    }
    return found;
  }

  private static String collapse(String s) {
    return s.replaceAll("[\\s\\u00A0]+", " ").strip();
  }

  /** One line of the manifest. */
  record Row(
      String path,
      String subset,
      String root,
      boolean wellFormed,
      String bozo,
      int entries,
      String expectedEntries,
      String expectedTitle,
      String expectedLink) {

    static List<Row> readManifest(Path manifest) throws IOException {
      List<String> lines = Files.readAllLines(manifest, UTF_8);
      List<String> header = List.of(lines.get(0).split("\t", -1));
      List<Row> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        rows.add(
            new Row(
                f[header.indexOf("path")],
                f[header.indexOf("subset")],
                f[header.indexOf("root")],
                f[header.indexOf("xml_wellformed")].equals("yes"),
                f[header.indexOf("upstream_bozo")],
                Integer.parseInt(f[header.indexOf("entries")]),
                f[header.indexOf("expected_entries")],
                f[header.indexOf("expected_first_title")],
                f[header.indexOf("expected_first_link")]));
      }
      return rows;
    }
  }

  /** What the parser made of one file. */
  record Result(ParsedFeed feed, FeedParseException error) {}

  /** An item of the source file: whether it has a title, and a link of its own. */
  record SourceItem(boolean hasTitle, boolean hasLink) {}

  /** Outcomes of one subset, for its summary. */
  static final class Tally {
    private final String subset;
    private final int rows;
    private int read;
    private int degraded;
    private final Map<String, Integer> errors = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    Tally(String subset, int rows) {
      this.subset = subset;
      this.rows = rows;
    }

    void record(Result result) {
      if (result.error() != null) {
        errors.merge(result.error().reason(), 1, Integer::sum);
      } else {
        read++;
        if (result.feed().degraded()) {
          degraded++;
        }
      }
    }

    /** The check, with its failure remembered for the summary. */
    Executable checked(Row row, Executable check) {
      return () -> {
        try {
          check.execute();
        } catch (AssertionError | Exception e) {
          failures.add(
              row.path() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
          throw e;
        }
      };
    }

    void assertAllPassed() {
      int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
      String summary =
          String.format(
              "%s: %d files, %d read (%d degraded), %d refused %s, %d failed checks%s",
              subset,
              rows,
              read,
              degraded,
              errorCount,
              errors,
              failures.size(),
              failures.isEmpty() ? "" : ": " + String.join("; ", failures));
      assertThat(failures).as(summary).isEmpty();
      assertThat(read + errorCount).as(summary).isEqualTo(rows);
      if (subset.equals("wellformed") || subset.equals("realworld")) {
        assertThat(errorCount).as(summary).isZero();
      }
    }
  }
}
