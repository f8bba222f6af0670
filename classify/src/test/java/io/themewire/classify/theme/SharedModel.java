package io.themewire.classify.theme;

import io.themewire.classify.nlp.CoreNlpAnnotator;
import io.themewire.classify.taxonomy.Taxonomy;
import io.themewire.core.progress.Progress;

/** One CoreNLP pipeline and one model per test JVM: building them costs seconds. */
final class SharedModel {
  static final Taxonomy TAXONOMY = Taxonomy.defaultCareer();
  static final CoreNlpAnnotator ANNOTATOR = new CoreNlpAnnotator();
  static final ThemeModel MODEL = ThemeModel.train(TAXONOMY, ANNOTATOR, Progress.NONE);
  static final CoreNlpThemeClassifier CLASSIFIER =
      new CoreNlpThemeClassifier(
          ANNOTATOR,
          MODEL,
          TAXONOMY,
          CoreNlpThemeClassifier.DEFAULT_MAX_CHARS,
          CoreNlpThemeClassifier.DEFAULT_BUDGET);

  private SharedModel() {}
}
