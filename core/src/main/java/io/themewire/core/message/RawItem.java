package io.themewire.core.message;

import java.time.Instant;
import java.util.Objects;

/**
 * An item as ingest saw it: one feed entry, article, thread story, comment or post, with its text
 * already extracted. Published on {@code items.raw}, keyed by {@link #id()}.
 *
 * @param id stable id; see {@link ItemId}
 * @param url canonical URL of the item; null for posts and comments that have none
 * @param source where it came from
 * @param title title, may be empty (comments, posts) but never null
 * @param author author or byline, null when unknown
 * @param published publication time with provenance; never null (first-seen when unknown)
 * @param fetchedAt when ingest read it
 * @param language BCP 47 language tag where known ({@code en}), else null
 * @param text the plain text, paragraphs separated by blank lines; never null
 * @param parentId the item this one replies to (comments), else null
 * @param threadId the story at the root of the thread (comments), else null
 * @param discusses the canonical URL of the article a discussion is about, else null
 * @param engagement points and comment counts where the source has them, else null
 * @param contentHash SHA-256 hex of title and text, to notice changed content
 */
public record RawItem(
    ItemId id,
    CanonicalUrl url,
    Source source,
    String title,
    String author,
    Published published,
    Instant fetchedAt,
    String language,
    String text,
    ItemId parentId,
    ItemId threadId,
    CanonicalUrl discusses,
    Engagement engagement,
    String contentHash) {

  public RawItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    title = title == null ? "" : title.strip();
    text = text == null ? "" : text.strip();
    if (contentHash == null) {
      contentHash = ItemId.contentHash(title + "\n\n" + text);
    }
  }

  /** Title and text as one string, the title first: what classification and indexing read. */
  public String fullText() {
    return title.isEmpty() ? text : text.isEmpty() ? title : title + "\n\n" + text;
  }
}
