package io.themewire.classify.theme;

import io.themewire.core.message.Direction;
import io.themewire.core.message.Entity;
import io.themewire.core.message.Evidence;
import io.themewire.core.message.SentenceSpan;
import io.themewire.core.message.ThemeScore;
import java.util.List;

/**
 * The labels of one text. Offsets refer to the text as given to {@link ThemeClassifier#classify}.
 *
 * @param themes themes scoring at least the threshold, best first; never empty
 * @param primary the best theme, or {@code unclassified}
 * @param direction the move described, for transition themes; else null
 * @param evidence the best sentence for each theme in {@code themes}
 * @param sentences every sentence with its salience
 * @param entities role titles mentioned
 * @param flags {@code truncated}, {@code non-english}, {@code not-text}, {@code empty}, {@code
 *     timeout}
 * @param taxonomyVersion the taxonomy's version tag
 * @param modelVersion the model's version
 * @param confidence the calibrated chance that {@code primary} is right (0 for {@code
 *     unclassified}): of texts given this confidence, about this share were labelled right on
 *     held-out folds of the written examples; 0 for {@code unclassified}
 * @param uncertain whether the confidence is below {@link CoreNlpThemeClassifier#UNCERTAIN_BELOW};
 *     such a classification also carries the flag {@code uncertain} (false for {@code
 *     unclassified}, which asserts no theme)
 */
public record Classification(
    List<ThemeScore> themes,
    String primary,
    Direction direction,
    List<Evidence> evidence,
    List<SentenceSpan> sentences,
    List<Entity> entities,
    List<String> flags,
    String taxonomyVersion,
    String modelVersion,
    double confidence,
    boolean uncertain) {
  public Classification {
    themes = List.copyOf(themes);
    evidence = List.copyOf(evidence);
    sentences = List.copyOf(sentences);
    entities = List.copyOf(entities);
    flags = List.copyOf(flags);
  }

  /** A classification without a calibrated confidence (classifiers that have none). */
  public Classification(
      List<ThemeScore> themes,
      String primary,
      Direction direction,
      List<Evidence> evidence,
      List<SentenceSpan> sentences,
      List<Entity> entities,
      List<String> flags,
      String taxonomyVersion,
      String modelVersion) {
    this(
        themes,
        primary,
        direction,
        evidence,
        sentences,
        entities,
        flags,
        taxonomyVersion,
        modelVersion,
        1.0,
        false);
  }
}
