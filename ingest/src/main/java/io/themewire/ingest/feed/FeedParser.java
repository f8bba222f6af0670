package io.themewire.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.ingest.extract.HtmlText;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Reads RSS 0.9x / 1.0 / 2.0 and Atom feeds with ROME into raw items. DOCTYPE declarations are
 * refused (ROME's default), so external entities and entity expansion bombs never run. Thread-safe.
 */
public final class FeedParser {

  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

  /**
   * Parses a feed.
   *
   * @param bytes the feed document; its charset is taken from the BOM or XML declaration
   * @param location where it was read from (a URL or a file path): the source id, and the base for
   *     relative links when it is a URL
   * @param fetchedAt when it was read; also the publication time of entries without one, and the
   *     cap for dates in the future
   * @throws FeedParseException when the document is not a feed this parser can read
   */
  public ParsedFeed parse(byte[] bytes, String location, Instant fetchedAt)
      throws FeedParseException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(bytes)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String reason = msg.contains("DOCTYPE") ? "doctype-not-allowed" : "parse-error";
      throw new FeedParseException(reason, msg.lines().findFirst().orElse(msg), e);
    }
    String base = location.startsWith("http") ? location : feed.getLink();
    String feedTitle = feed.getTitle() == null ? null : HtmlText.fromHtml(feed.getTitle());
    Source source = new Source(sourceId(location, feed.getLink()), feedTitle, SourceKind.FEED);
    List<RawItem> items = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      items.add(toItem(entry, source, base, fetchedAt));
    }
    return new ParsedFeed(source, feed.getLink(), items);
  }

  /**
   * A fetched feed is known by its URL. A feed read from a file is known by the site it describes
   * (its {@code <link>}), so the same feed saved in two places is one source; failing that, by its
   * file name.
   */
  private String sourceId(String location, String siteLink) {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      return location;
    }
    return canonicalizer
        .canonicalize(siteLink)
        .map(CanonicalUrl::value)
        .orElse("file:" + java.nio.file.Path.of(location).getFileName());
  }

  private RawItem toItem(SyndEntry entry, Source source, String base, Instant fetchedAt) {
    Optional<CanonicalUrl> url = canonicalizer.canonicalize(link(entry), base);
    String guid = entry.getUri();
    ItemId id;
    if (url.isPresent()) {
      id = ItemId.of(url.get());
    } else {
      String key = guid != null && !guid.isBlank() ? guid : entry.getTitle() + "\n" + text(entry);
      id = ItemId.of(source.id(), key);
    }
    return new RawItem(
        id,
        url.orElse(null),
        source,
        entry.getTitle() == null ? "" : HtmlText.fromHtml(entry.getTitle()),
        author(entry),
        published(entry, fetchedAt),
        fetchedAt,
        null,
        text(entry),
        null,
        null,
        null,
        null,
        null);
  }

  private static String link(SyndEntry entry) {
    if (entry.getLink() != null && !entry.getLink().isBlank()) {
      return entry.getLink();
    }
    for (SyndLink link : entry.getLinks()) {
      if (link.getRel() == null || link.getRel().equals("alternate")) {
        return link.getHref();
      }
    }
    String uri = entry.getUri();
    return uri != null && uri.startsWith("http") ? uri : null;
  }

  private static String author(SyndEntry entry) {
    if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
      return entry.getAuthor().strip();
    }
    for (SyndPerson p : entry.getAuthors()) {
      if (p.getName() != null && !p.getName().isBlank()) {
        return p.getName().strip();
      }
    }
    return null;
  }

  private static Published published(SyndEntry entry, Instant fetchedAt) {
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date == null) {
      return Published.firstSeen(fetchedAt);
    }
    Instant at = date.toInstant();
    if (at.isAfter(fetchedAt)) {
      // A date in the future is a feed bug; the fetch time is the best honest guess.
      return new Published(fetchedAt, Published.Provenance.FIRST_SEEN, 0.3);
    }
    return new Published(at, Published.Provenance.FEED, 1.0);
  }

  private static String text(SyndEntry entry) {
    String best = "";
    for (SyndContent c : entry.getContents()) {
      String t = HtmlText.fromHtml(c.getValue());
      if (t.length() > best.length()) {
        best = t;
      }
    }
    if (best.isEmpty() && entry.getDescription() != null) {
      best = HtmlText.fromHtml(entry.getDescription().getValue());
    }
    return best;
  }
}
