package io.themewire.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.stage.Outcome;
import io.themewire.core.stage.Stage;
import io.themewire.ingest.discussion.DiscussionFormats;
import io.themewire.ingest.extract.Article;
import io.themewire.ingest.extract.ArticleExtractor;
import io.themewire.ingest.feed.FeedParseException;
import io.themewire.ingest.feed.FeedParser;
import io.themewire.ingest.feed.JsonFeedParser;
import io.themewire.ingest.feed.ParsedFeed;
import io.themewire.ingest.fetch.FetchResult;
import io.themewire.ingest.fetch.Fetcher;
import io.themewire.ingest.fetch.Validators;
import io.themewire.ingest.sitemap.SitemapReader;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The ingest stage: reads one source (file or URL), works out what it is from its content — a feed,
 * an article page or a discussion thread — and emits its items, each once.
 *
 * <p>Outcomes: {@code emitted} with the new items; {@code skipped} when every item was already seen
 * with the same content, or the server says nothing changed; failures {@code not-found}, {@code
 * io-error}, {@code empty}, {@code binary-content}, {@code not-a-feed}, {@code parse-error}, {@code
 * no-content}, {@code too-large}, and the fetch failures of {@link FetchResult.Failed}.
 * Thread-safe.
 */
public final class IngestStage implements Stage<SourceRequest, RawItem> {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IngestStage.class);

  private final Fetcher fetcher;
  private final FeedParser feeds = new FeedParser();
  private final ArticleExtractor articles = new ArticleExtractor();
  private final DiscussionFormats discussions = DiscussionFormats.defaults();
  private final JsonFeedParser jsonFeeds = new JsonFeedParser();
  private final SitemapReader sitemaps = new SitemapReader();
  private final Clock clock;
  private final long maxFileBytes;
  private final BiPredicate<ItemId, String> alreadyStored;

  /** Items seen lately in this process, so one run does not classify the same item twice. */
  private final Map<String, Boolean> seen =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > SEEN_CAPACITY;
            }
          });

  /** How many recent items the in-process dedup remembers. */
  static final int SEEN_CAPACITY = 100_000;

  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

  /**
   * @param fetcher fetches URL sources
   * @param clock stamps fetch times
   * @param maxFileBytes cap on a local file, as for fetched bodies
   * @param alreadyStored tells whether an item id with this content hash is already stored
   *     downstream, so that unchanged items are not classified again; may always answer false
   */
  public IngestStage(
      Fetcher fetcher, Clock clock, long maxFileBytes, BiPredicate<ItemId, String> alreadyStored) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.maxFileBytes = maxFileBytes;
    this.alreadyStored = alreadyStored;
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public Outcome<RawItem> process(SourceRequest request) {
    return process(request, Validators.NONE, result -> {});
  }

  /**
   * As {@link #process(SourceRequest)}, but a URL is fetched conditionally on {@code known}: while
   * it still holds, the outcome is {@code skipped} with reason {@code not-modified} or {@code
   * unchanged-body}. {@code onFetch} sees the fetch result (new validators, or a failure with its
   * {@code Retry-After}) before anything is parsed; it is not called for files.
   */
  public Outcome<RawItem> process(
      SourceRequest request, Validators known, Consumer<FetchResult> onFetch) {
    return process(request, known, onFetch, delivered -> {});
  }

  /**
   * As {@link #process(SourceRequest, Validators, Consumer)}; {@code onDelivered} is told how many
   * items the document held, new or already stored (not called when it was not read or parsed).
   */
  public Outcome<RawItem> process(
      SourceRequest request,
      Validators known,
      Consumer<FetchResult> onFetch,
      IntConsumer onDelivered) {
    Instant now = clock.instant();
    byte[] bytes;
    String location = request.location();
    String contentType = null;
    if (request.isUrl()) {
      FetchResult result = fetcher.fetch(location, known);
      onFetch.accept(result);
      if (result instanceof FetchResult.Failed failed) {
        return Outcome.failed(failed.reason(), failed.message());
      }
      if (result instanceof FetchResult.NotModified notModified) {
        return Outcome.skipped(notModified.reason());
      }
      FetchResult.Fetched fetched = (FetchResult.Fetched) result;
      bytes = fetched.body();
      location = fetched.finalUrl();
      contentType = fetched.contentType();
    } else {
      try {
        bytes = readFile(Path.of(location));
      } catch (NoSuchFileException e) {
        return Outcome.failed("not-found", "no such file: " + location);
      } catch (TooLargeException e) {
        return Outcome.failed("too-large", location + " is larger than " + maxFileBytes + " bytes");
      } catch (IOException e) {
        return Outcome.failed("io-error", location + " - " + e.getMessage());
      }
    }
    try {
      List<RawItem> items = read(bytes, location, contentType, now);
      onDelivered.accept(items.size());
      return emitNew(items);
    } catch (SourceException e) {
      return Outcome.failed(e.reason, location + " - " + e.getMessage());
    }
  }

  /**
   * Parses one document into items, without dedup.
   *
   * @param contentType the HTTP Content-Type of a fetched document, or null for a file
   */
  List<RawItem> read(byte[] bytes, String location, String contentType, Instant now)
      throws SourceException {
    boolean isUrl = location.startsWith("http://") || location.startsWith("https://");
    switch (SourceFormat.sniff(bytes)) {
      case EMPTY:
        throw new SourceException("empty", "the document is empty");
      case BINARY:
        throw new SourceException("binary-content", "binary content, not a feed, page or thread");
      case FEED:
        try {
          return feedItems(feeds.parse(bytes, location, now, contentType));
        } catch (FeedParseException e) {
          throw new SourceException(e.reason(), e.getMessage());
        }
      case JSON:
        return readJson(bytes, location, now);
      case SITEMAP:
        return readSitemap(bytes, location, now);
      case HTML:
        return List.of(readArticle(bytes, location, isUrl, contentType, now));
      default:
        throw new SourceException("not-a-feed", "not a feed, HTML page or known JSON thread");
    }
  }

  /** Articles fetched from one sitemap at most, newest first. */
  static final int MAX_SITEMAP_ARTICLES = 20;

  /** Child sitemaps of a sitemap index read at most. */
  static final int MAX_CHILD_SITEMAPS = 5;

  /**
   * A sitemap's newest articles, each fetched (robots.txt, per-host delay and the destination
   * policy apply) and extracted. An article that cannot be read is logged and skipped; if none can
   * be, the sitemap fails with {@code no-content}.
   */
  private List<RawItem> readSitemap(byte[] bytes, String location, Instant now)
      throws SourceException {
    SitemapReader.Sitemap map;
    try {
      map = sitemaps.read(bytes, location);
    } catch (IOException e) {
      throw new SourceException(
          "parse-error", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    List<SitemapReader.Entry> entries = new java.util.ArrayList<>(map.entries());
    for (String child :
        map.children().subList(0, Math.min(MAX_CHILD_SITEMAPS, map.children().size()))) {
      if (fetcher.fetch(child) instanceof FetchResult.Fetched f) {
        try {
          entries.addAll(sitemaps.read(f.body(), f.finalUrl()).entries());
        } catch (IOException e) {
          log.warn("{} - child sitemap unreadable: {}", child, e.getMessage());
        }
      }
    }
    entries.sort(
        java.util.Comparator.comparing(
            SitemapReader.Entry::when,
            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    List<RawItem> items = new java.util.ArrayList<>();
    int tried = Math.min(MAX_SITEMAP_ARTICLES, entries.size());
    for (SitemapReader.Entry entry : entries.subList(0, tried)) {
      FetchResult r = fetcher.fetch(entry.url().value());
      if (r instanceof FetchResult.Fetched f) {
        try {
          RawItem item = readArticle(f.body(), f.finalUrl(), true, f.contentType(), now);
          items.add(datedBySitemap(item, entry, now));
        } catch (SourceException e) {
          log.warn("{} - sitemap article unreadable: {}", entry.url(), e.getMessage());
        }
      } else if (r instanceof FetchResult.Failed failed) {
        log.warn("{} - sitemap article not fetched: {}", entry.url(), failed.reason());
      }
    }
    if (items.isEmpty() && tried > 0) {
      throw new SourceException(
          "no-content", "none of the " + tried + " newest sitemap entries could be read");
    }
    return items;
  }

  /** A page with no date of its own takes the sitemap's news publication date. */
  private static RawItem datedBySitemap(RawItem item, SitemapReader.Entry entry, Instant now) {
    if (item.published().provenance() != Published.Provenance.FIRST_SEEN
        || entry.newsPublished() == null
        || entry.newsPublished().isAfter(now)) {
      return item;
    }
    return item.withPublished(
        new Published(entry.newsPublished(), Published.Provenance.SITEMAP, 0.85));
  }

  private List<RawItem> feedItems(ParsedFeed feed) {
    if (feed.degraded()) {
      log.warn(
          "{} - read leniently ({}): {} items",
          feed.source().id(),
          feed.degradedReason(),
          feed.items().size());
    }
    return feed.items();
  }

  private List<RawItem> readJson(byte[] bytes, String location, Instant now)
      throws SourceException {
    try {
      JsonNode root = Json.mapper().readTree(bytes);
      if (JsonFeedParser.looksLikeJsonFeed(root)) {
        return feedItems(jsonFeeds.parse(root, location, now));
      }
    } catch (FeedParseException e) {
      throw new SourceException(e.reason(), e.getMessage());
    } catch (IOException e) {
      // Not one JSON document (JSON Lines, say): the discussion formats read those.
    }
    Optional<List<RawItem>> items;
    try {
      items = discussions.parse(bytes, now);
    } catch (IOException e) {
      String message = e.getMessage() == null ? "unreadable JSON" : e.getMessage();
      throw new SourceException("parse-error", message.lines().findFirst().orElse(message));
    }
    return items.orElseThrow(
        () ->
            new SourceException(
                "not-a-feed", "JSON that is not a known feed, thread or posts format"));
  }

  private RawItem readArticle(
      byte[] bytes, String location, boolean isUrl, String contentType, Instant now)
      throws SourceException {
    Article article = articles.extract(bytes, charsetOf(contentType), isUrl ? location : null);
    if (article.text().isBlank()) {
      throw new SourceException("no-content", "no article text found");
    }
    CanonicalUrl canonical = trustedCanonical(article.canonicalUrl(), isUrl ? location : null);
    Source source =
        new Source(
            canonical != null ? canonical.host() : location,
            article.siteName(),
            SourceKind.ARTICLE);
    ItemId id = canonical != null ? ItemId.of(canonical) : ItemId.of("file", location);
    return new RawItem(
        id,
        canonical,
        source,
        article.title(),
        article.byline(),
        article.published() != null && !article.published().at().isAfter(now)
            ? article.published()
            : Published.firstSeen(now),
        now,
        article.language(),
        article.text(),
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * A page's own claim of its canonical URL, trusted only on the site it was fetched from: a page
   * must not be able to overwrite another site's item by naming that site's URL. Files (no fetch
   * URL) are trusted.
   */
  private CanonicalUrl trustedCanonical(CanonicalUrl claimed, String fetchedFrom) {
    if (fetchedFrom == null) {
      return claimed;
    }
    CanonicalUrl fetched = canonicalizer.canonicalize(fetchedFrom).orElse(null);
    if (claimed == null || fetched == null) {
      return claimed != null ? claimed : fetched;
    }
    return siteOf(claimed.host()).equals(siteOf(fetched.host())) ? claimed : fetched;
  }

  private static String siteOf(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static String charsetOf(String contentType) {
    return io.themewire.ingest.fetch.ContentType.parse(contentType).charset();
  }

  private Outcome<RawItem> emitNew(List<RawItem> items) {
    List<RawItem> fresh = new ArrayList<>();
    for (RawItem item : items) {
      String key = item.id().value() + "/" + item.contentHash();
      if (seen.put(key, Boolean.TRUE) == null
          && !alreadyStored.test(item.id(), item.contentHash())) {
        fresh.add(item);
      }
    }
    if (fresh.isEmpty()) {
      return Outcome.skipped(items.isEmpty() ? "no-items" : "unchanged");
    }
    return Outcome.emitted(fresh);
  }

  private byte[] readFile(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
      if (bytes.length > maxFileBytes) {
        throw new TooLargeException();
      }
      return bytes;
    }
  }

  private static final class TooLargeException extends IOException {}

  /** A document that could not be read, with a stable reason code. */
  static final class SourceException extends Exception {
    final String reason;

    SourceException(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }
}
