package io.themewire.digest.story;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SourceKind;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One item as the clusterer sees it.
 *
 * @param id the item's id; never blank, unique within one call of {@link StoryClusterer#cluster}
 * @param title the title; never null (null becomes empty)
 * @param text the plain text; never null (null becomes empty)
 * @param published when it was published, or null when unknown (then time plays no part)
 * @param site host of the item's URL without {@code www.} (e.g. {@code staffeng.com}), or null
 * @param url the item's canonical URL, or null
 * @param kind what kind of source it came from, or null when unknown
 * @param discusses canonical URL of the article a discussion thread is about; for a comment in a
 *     thread about no article, the id of the thread's root item; else null
 */
public record StoryItem(
    String id,
    String title,
    String text,
    Instant published,
    String site,
    String url,
    SourceKind kind,
    String discusses) {

  public StoryItem {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("story item id is blank");
    }
    title = title == null ? "" : title.strip();
    text = text == null ? "" : text.strip();
    site = site == null || site.isBlank() ? null : site.strip().toLowerCase(Locale.ROOT);
    url = url == null || url.isBlank() ? null : url.strip();
    discusses = discusses == null || discusses.isBlank() ? null : discusses.strip();
    if (site == null && url != null) {
      site = siteOf(url);
    }
  }

  /** A plain item with a title and text only. */
  public static StoryItem of(String id, String title, String text) {
    return new StoryItem(id, title, text, null, null, null, null, null);
  }

  /** The item of the pipeline, as the clusterer sees it. */
  public static StoryItem of(ClassifiedItem classified) {
    RawItem item = classified.item();
    CanonicalUrl url = item.url();
    return new StoryItem(
        item.id().value(),
        item.title(),
        item.text(),
        item.published().at(),
        url == null ? null : siteOf(url.value()),
        url == null ? null : url.value(),
        item.source().kind(),
        item.discusses() != null
            ? item.discusses().value()
            : item.threadId() != null ? item.threadId().value() : null);
  }

  /** Whether this item is a discussion thread (by its kind or because it discusses a URL). */
  public boolean isDiscussion() {
    return kind == SourceKind.DISCUSSION || discusses != null;
  }

  /** The host of {@code url} in lower case without a leading {@code www.}, or null. */
  static String siteOf(String url) {
    try {
      String host = java.net.URI.create(url.strip()).getHost();
      if (host == null || host.isBlank()) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
