package io.themewire.ingest.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads XML sitemaps, sitemap indexes and Google News sitemaps (crawler-commons) into the article
 * URLs they list, newest first, so that sites without feeds can be followed. Thread-safe.
 */
public final class SitemapReader {

  /** One listed article. */
  public record Entry(
      CanonicalUrl url, Instant lastModified, String newsTitle, Instant newsPublished) {
    /** The best time known for the article: its news publication date, else its last change. */
    public Instant when() {
      return newsPublished != null ? newsPublished : lastModified;
    }
  }

  /**
   * What a sitemap document holds: article entries, newest first, and — for an index — the child
   * sitemaps to read.
   */
  public record Sitemap(List<Entry> entries, List<String> children) {
    public Sitemap {
      entries = List.copyOf(entries);
      children = List.copyOf(children);
    }
  }

  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

  /**
   * Reads one sitemap document.
   *
   * @param location where it was read from; a URL resolves relative entries, a file path does not
   * @throws IOException when the document is not a sitemap
   */
  public Sitemap read(byte[] bytes, String location) throws IOException {
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    URL base;
    try {
      base =
          new URL(location.startsWith("http") ? location : "https://sitemap.invalid/sitemap.xml");
    } catch (MalformedURLException e) {
      throw new IOException("bad sitemap location " + location, e);
    }
    AbstractSiteMap map;
    try {
      map = parser.parseSiteMap("text/xml", bytes, base);
    } catch (UnknownFormatException e) {
      throw new IOException("not a sitemap: " + e.getMessage(), e);
    }
    List<Entry> entries = new ArrayList<>();
    List<String> children = new ArrayList<>();
    if (map instanceof SiteMapIndex index) {
      for (AbstractSiteMap child : index.getSitemaps()) {
        children.add(child.getUrl().toString());
      }
    } else if (map instanceof SiteMap sitemap) {
      for (SiteMapURL u : sitemap.getSiteMapUrls()) {
        entry(u).ifPresent(entries::add);
      }
    }
    entries.sort(
        Comparator.comparing(Entry::when, Comparator.nullsLast(Comparator.reverseOrder())));
    return new Sitemap(entries, children);
  }

  private Optional<Entry> entry(SiteMapURL u) {
    Optional<CanonicalUrl> url = canonicalizer.canonicalize(u.getUrl().toString());
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String title = null;
    Instant published = null;
    ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
    if (news != null) {
      for (ExtensionMetadata m : news) {
        if (m instanceof NewsAttributes n) {
          title = n.getTitle();
          published =
              n.getPublicationDateTime() == null ? null : n.getPublicationDateTime().toInstant();
        }
      }
    }
    Instant lastModified = u.getLastModified() == null ? null : u.getLastModified().toInstant();
    return Optional.of(new Entry(url.get(), lastModified, title, published));
  }
}
