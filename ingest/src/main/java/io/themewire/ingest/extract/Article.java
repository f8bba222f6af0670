package io.themewire.ingest.extract;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.Published;

/**
 * What {@link ArticleExtractor} found in a page.
 *
 * @param title the headline; empty when the page has none
 * @param byline the author as the page names them, or null
 * @param published publication time with provenance, or null when the page gives none
 * @param language primary language subtag ({@code en}) from the page, or null
 * @param canonicalUrl the page's canonical URL (rel=canonical, og:url, or the URL it was read
 *     from), tracking parameters stripped; null when none is known
 * @param siteName the site's name (og:site_name), or null
 * @param text the main content as plain text, paragraphs separated by blank lines
 */
public record Article(
    String title,
    String byline,
    Published published,
    String language,
    CanonicalUrl canonicalUrl,
    String siteName,
    String text) {
  public Article {
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }
}
