package io.themewire.classify.theme;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.Outcome;
import io.themewire.core.stage.Stage;

/**
 * The classify stage: one raw item in, the same item with its themes, evidence and direction out.
 * Items the classifier cannot label (empty, not English) still pass on, as {@code unclassified}
 * with a flag, so that they stay searchable. Thread-safe.
 */
public final class ClassifyStage implements Stage<RawItem, ClassifiedItem> {

  private final ThemeClassifier classifier;

  public ClassifyStage(ThemeClassifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public Outcome<ClassifiedItem> process(RawItem item) {
    return Outcome.emitted(label(item, classifier.classify(item.fullText())));
  }

  /** Combines an item and its classification. */
  public static ClassifiedItem label(RawItem item, Classification c) {
    return new ClassifiedItem(
        item,
        c.themes(),
        c.primary(),
        c.direction(),
        c.entities(),
        c.evidence(),
        c.sentences(),
        c.flags(),
        c.taxonomyVersion(),
        c.modelVersion(),
        c.confidence(),
        c.uncertain());
  }
}
