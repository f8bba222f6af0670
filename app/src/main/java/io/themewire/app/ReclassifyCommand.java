package io.themewire.app;

import io.themewire.classify.theme.ClassifyStage;
import io.themewire.classify.theme.ThemeClassifier;
import io.themewire.classify.theme.ThemeModel;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code themewire reclassify}: re-label stored items with the current taxonomy and model. */
@Command(
    name = "reclassify",
    mixinStandardHelpOptions = true,
    description = {
      "Re-label the items in the index with the current taxonomy and model (after editing"
          + " themes.yaml or the training examples). Items already labelled by the current model"
          + " are left alone unless --all is given. Every item records the taxonomy and model"
          + " version that labelled it."
    })
final class ReclassifyCommand implements Callable<Integer> {

  /** Items classified together on every core before they are written. */
  static final int BATCH = 256;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--all",
      description = "Re-label every item, even those the current model labelled.")
  boolean all;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring wiring = common.wiring();
        LuceneArticleIndex index = wiring.openIndex()) {
      String current = ThemeModel.versionFor(wiring.taxonomy());
      ThemeClassifier classifier = wiring.classifier();
      long total = index.count();
      ProgressBar bar = ProgressBar.onStderr("reclassifying");
      AtomicLong seen = new AtomicLong();
      AtomicLong relabelled = new AtomicLong();
      List<ClassifiedItem> batch = new ArrayList<>();
      index.scan(
          item -> {
            bar.update(seen.incrementAndGet(), total);
            if (all || !item.modelVersion().equals(current)) {
              batch.add(item);
              if (batch.size() == BATCH) {
                relabelled.addAndGet(relabel(batch, classifier, index));
              }
            }
          });
      relabelled.addAndGet(relabel(batch, classifier, index));
      index.commit();
      bar.finish();
      out.printf(
          "%d items, %d re-labelled with model %s (%s)%n",
          seen.get(), relabelled.get(), current, wiring.taxonomy().versionTag());
    }
    out.flush();
    return 0;
  }

  private static int relabel(
      List<ClassifiedItem> batch, ThemeClassifier classifier, LuceneArticleIndex index) {
    List<ClassifiedItem> labelled =
        batch.parallelStream()
            .map(old -> ClassifyStage.label(old.item(), classifier.classify(old.item().fullText())))
            .toList();
    for (ClassifiedItem item : labelled) {
      try {
        index.upsert(item);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + item.id(), e);
      }
    }
    int n = batch.size();
    batch.clear();
    return n;
  }
}
