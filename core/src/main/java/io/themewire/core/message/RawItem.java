package io.themewire.core.message;

import java.time.Instant;
import java.util.List;
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
 * @param alsoAt other URLs where the same story was published (syndicated or near-identical copies,
 *     kept as this one item); never null
 * @param alsoIn ids of other sources that carry this very item (the same guid in two feeds); never
 *     null
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
    String contentHash,
    List<CanonicalUrl> alsoAt,
    List<String> alsoIn) {

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
    alsoAt = alsoAt == null ? List.of() : List.copyOf(alsoAt);
    alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
  }

  /** An item seen in one place only. */
  public RawItem(
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
    this(
        id,
        url,
        source,
        title,
        author,
        published,
        fetchedAt,
        language,
        text,
        parentId,
        threadId,
        discusses,
        engagement,
        contentHash,
        List.of(),
        List.of());
  }

  /** This item with another publication time. */
  public RawItem withPublished(Published when) {
    return new RawItem(
        id,
        url,
        source,
        title,
        author,
        when,
        fetchedAt,
        language,
        text,
        parentId,
        threadId,
        discusses,
        engagement,
        contentHash,
        alsoAt,
        alsoIn);
  }

  /**
   * This item, also published at {@code copy} and carried by {@code otherSource} (either may be
   * null).
   */
  public RawItem alsoSeen(CanonicalUrl copy, String otherSource) {
    List<CanonicalUrl> at = new java.util.ArrayList<>(alsoAt);
    if (copy != null && !copy.equals(url) && !at.contains(copy)) {
      at.add(copy);
    }
    List<String> in = new java.util.ArrayList<>(alsoIn);
    if (otherSource != null && !otherSource.equals(source.id()) && !in.contains(otherSource)) {
      in.add(otherSource);
    }
    return new RawItem(
        id,
        url,
        source,
        title,
        author,
        published,
        fetchedAt,
        language,
        text,
        parentId,
        threadId,
        discusses,
        engagement,
        contentHash,
        at,
        in);
  }

  /** Title and text as one string, the title first: what classification and indexing read. */
  public String fullText() {
    return title.isEmpty() ? text : text.isEmpty() ? title : title + "\n\n" + text;
  }
}
