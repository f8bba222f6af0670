package io.themewire.core.message;

import java.util.List;
import java.util.Objects;

/**
 * A {@link RawItem} with its labels. Published on {@code items.classified}, keyed by the item id.
 *
 * @param item the raw item
 * @param themes every theme whose score passed the threshold, best first; empty only for items
 *     stored without labels
 * @param primary the best theme's id ({@code unclassified} when classification gave up)
 * @param direction the career move described, for transition themes; else null
 * @param entities people, organisations and titles mentioned; may be empty
 * @param evidence the sentence behind each label in {@code themes}
 * @param sentences every sentence with its salience, for summaries
 * @param flags notes on how the item was handled ({@code truncated}, {@code non-english}, ...)
 * @param taxonomyVersion the taxonomy that defined the themes
 * @param modelVersion the model that assigned them
 * @param confidence the calibrated chance that {@code primary} is right; null for items labelled
 *     before confidences were kept, or by a classifier without them
 * @param uncertain whether the classifier called its primary theme uncertain (low confidence)
 */
public record ClassifiedItem(
    RawItem item,
    List<ThemeScore> themes,
    String primary,
    Direction direction,
    List<Entity> entities,
    List<Evidence> evidence,
    List<SentenceSpan> sentences,
    List<String> flags,
    String taxonomyVersion,
    String modelVersion,
    Double confidence,
    boolean uncertain) {

  /** The primary theme of items that could not be classified (too slow, not English, empty). */
  public static final String UNCLASSIFIED = "unclassified";

  public ClassifiedItem {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(primary, "primary");
    themes = List.copyOf(themes == null ? List.of() : themes);
    entities = List.copyOf(entities == null ? List.of() : entities);
    evidence = List.copyOf(evidence == null ? List.of() : evidence);
    sentences = List.copyOf(sentences == null ? List.of() : sentences);
    flags = List.copyOf(flags == null ? List.of() : flags);
    taxonomyVersion = taxonomyVersion == null ? "" : taxonomyVersion;
    modelVersion = modelVersion == null ? "" : modelVersion;
  }

  /** Labels without a confidence (a classifier that has none, or items from before). */
  public ClassifiedItem(
      RawItem item,
      List<ThemeScore> themes,
      String primary,
      Direction direction,
      List<Entity> entities,
      List<Evidence> evidence,
      List<SentenceSpan> sentences,
      List<String> flags,
      String taxonomyVersion,
      String modelVersion) {
    this(
        item,
        themes,
        primary,
        direction,
        entities,
        evidence,
        sentences,
        flags,
        taxonomyVersion,
        modelVersion,
        null,
        false);
  }

  public ItemId id() {
    return item.id();
  }

  /** The same labels on another version of the item (one that gained copies or sources). */
  public ClassifiedItem withItem(RawItem other) {
    return new ClassifiedItem(
        other,
        themes,
        primary,
        direction,
        entities,
        evidence,
        sentences,
        flags,
        taxonomyVersion,
        modelVersion,
        confidence,
        uncertain);
  }
}
