package io.themewire.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.themewire.ingest.extract.HtmlText;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads RSS 0.9x / 1.0 / 2.0 and Atom 0.3 / 1.0 with ROME from already decoded text. DOCTYPE
 * declarations are always refused, so external entities and entity expansion bombs never run.
 *
 * <p>Without healing, only well-formed XML is accepted. With healing, ROME first drops white space
 * and comments before the XML declaration, turns HTML entities ({@code &nbsp;}) into character
 * references and a bare {@code &} into {@code &amp;}. Thread-safe (a new ROME input per call).
 */
final class RomeFeedReader {

  /**
   * Reads the feed.
   *
   * @throws FeedException when ROME cannot read the document
   * @throws RuntimeException when ROME fails on a document it half recognises (it throws {@code
   *     IllegalArgumentException} for unknown feed types, and worse on odd ones)
   */
  FeedDocument read(String text, boolean heal) throws FeedException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(heal);
    SyndFeed feed = input.build(new StringReader(text));
    List<FeedEntry> entries = new ArrayList<>(feed.getEntries().size());
    for (SyndEntry entry : feed.getEntries()) {
      entries.add(entry(entry));
    }
    String title = feed.getTitle() == null ? null : HtmlText.fromHtml(feed.getTitle());
    return new FeedDocument(title, feed.getLink(), entries);
  }

  private static FeedEntry entry(SyndEntry entry) {
    String text = text(entry);
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return new FeedEntry(
        entry.getTitle() == null ? "" : HtmlText.fromHtml(entry.getTitle()),
        link(entry),
        entry.getUri(),
        author(entry),
        date == null ? null : date.toInstant(),
        text,
        // Kept as it was before the lenient reader existed, so that ids do not change.
        entry.getTitle() + "\n" + text);
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
