package io.themewire.ingest.feed;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a reader found, in any feed format, into raw items the same way: the id of an entry is
 * that of its canonical URL, else that of the source and the entry's guid; relative links are
 * resolved against the feed's URL (or its home page when it was read from a file); a date in the
 * future gives way to the fetch time; control characters are dropped. Thread-safe.
 */
final class FeedItems {

  /** The windows-1252 reading of U+0080..U+009F, or 0 where windows-1252 has no character. */
  private static final char[] C1_AS_WINDOWS_1252 = c1Table();

  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

  /**
   * The parsed feed.
   *
   * @param degradedReason why the document was not read exactly as written, or null
   */
  ParsedFeed assemble(FeedDocument doc, String location, Instant fetchedAt, String degradedReason) {
    String base = location.startsWith("http") ? location : doc.link();
    String title = doc.title() == null ? null : clean(doc.title());
    Source source = new Source(sourceId(location, doc.link()), title, SourceKind.FEED);
    List<RawItem> items = new ArrayList<>(doc.entries().size());
    for (FeedEntry entry : doc.entries()) {
      items.add(toItem(entry, source, base, fetchedAt));
    }
    return new ParsedFeed(source, doc.link(), items, degradedReason != null, degradedReason);
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
    Optional<CanonicalUrl> site = canonicalizer.canonicalize(siteLink);
    if (site.isPresent()) {
      return site.get().value();
    }
    try {
      Path name = Path.of(location).getFileName();
      return "file:" + (name == null ? location : name.toString());
    } catch (InvalidPathException e) {
      return "file:" + location;
    }
  }

  private RawItem toItem(FeedEntry entry, Source source, String base, Instant fetchedAt) {
    Optional<CanonicalUrl> url = canonicalizer.canonicalize(entry.link(), base);
    ItemId id;
    if (url.isPresent()) {
      id = ItemId.of(url.get());
    } else {
      String guid = entry.guid();
      id = ItemId.of(source.id(), guid != null && !guid.isBlank() ? guid : entry.fallbackKey());
    }
    String author = entry.author() == null ? null : clean(entry.author()).strip();
    return new RawItem(
        id,
        url.orElse(null),
        source,
        clean(entry.title()),
        author == null || author.isEmpty() ? null : author,
        published(entry.published(), fetchedAt),
        fetchedAt,
        null,
        clean(entry.text()),
        null,
        null,
        null,
        null,
        null);
  }

  private static Published published(Instant at, Instant fetchedAt) {
    if (at == null) {
      return Published.firstSeen(fetchedAt);
    }
    if (at.isAfter(fetchedAt)) {
      // A date in the future is a feed bug; the fetch time is the best honest guess.
      return new Published(fetchedAt, Published.Provenance.FIRST_SEEN, 0.3);
    }
    return new Published(at, Published.Provenance.FEED, 1.0);
  }

  /**
   * The text without control characters other than tab and line breaks. C1 controls (U+0080 to
   * U+009F) are read as windows-1252, as browsers do: feeds written on Windows put {@code 0x92} for
   * an apostrophe and declare ISO-8859-1.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
      boolean c1 = c >= 0x80 && c <= 0x9F;
      if (!control && !c1) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (c1 && C1_AS_WINDOWS_1252[c - 0x80] != 0) {
        out.append(C1_AS_WINDOWS_1252[c - 0x80]);
      }
    }
    return out == null ? text : out.toString();
  }

  private static char[] c1Table() {
    Charset windows1252 = Charset.forName("windows-1252");
    char[] table = new char[0x20];
    for (int b = 0x80; b <= 0x9F; b++) {
      String s = new String(new byte[] {(byte) b}, windows1252);
      char c = s.isEmpty() ? '\uFFFD' : s.charAt(0);
      table[b - 0x80] = c == '\uFFFD' || (c >= 0x80 && c <= 0x9F) ? 0 : c;
    }
    return table;
  }
}
