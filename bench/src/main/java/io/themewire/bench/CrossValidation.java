package io.themewire.bench;

import io.themewire.ingest.extract.ArticleExtractor;
import io.themewire.ingest.extract.ArticleExtractor.Tuning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * Honest quality figures: the extractor's constants ({@link Tuning}) are chosen from a small grid
 * on four folds of sites and scored on the fifth, which none of its pages helped to choose; the
 * held-out predictions of all folds together give the cross-validated F1. Beside it, the in-sample
 * figure: the grid point that scores best on all pages, scored on those same pages.
 */
final class CrossValidation {

  private CrossValidation() {}

  /** The grid searched: every combination of these values. */
  static List<Tuning> grid() {
    Tuning d = Tuning.DEFAULTS;
    List<Tuning> out = new ArrayList<>();
    for (double penalty : new double[] {1.0, 1.5, 2.0}) {
      for (double narrow : new double[] {0.7, 0.8, 0.9}) {
        for (boolean fragments : new boolean[] {false, true}) {
          for (double fallback : new double[] {0, 0.5, 0.7}) {
            out.add(
                new Tuning(penalty, narrow, d.proseChars(), d.linkDensity(), fragments, fallback));
          }
        }
      }
    }
    return out;
  }

  /** Outcome: held-out scores, in-sample scores, and what each fold chose. */
  record Outcome(
      ShingleScore.Result crossValidated,
      ShingleScore.Result inSample,
      Tuning inSampleChoice,
      List<Tuning> foldChoices,
      List<Integer> foldSizes) {}

  static Outcome run(Corpus corpus, Map<String, Document> pages, int k, Runnable tick) {
    List<Tuning> grid = grid();
    List<Map<String, String>> outputs = new ArrayList<>();
    for (Tuning t : grid) {
      ArticleExtractor extractor = new ArticleExtractor(t);
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, Document> e : pages.entrySet()) {
        out.put(e.getKey(), extractor.extract(e.getValue(), corpus.urls().get(e.getKey())).text());
      }
      outputs.add(out);
      tick.run();
    }
    List<List<String>> folds = Folds.split(corpus, k);
    Map<String, String> heldOut = new LinkedHashMap<>();
    List<Tuning> choices = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (List<String> test : folds) {
      Set<String> testIds = new HashSet<>(test);
      Map<String, String> trainTruth = new LinkedHashMap<>();
      corpus
          .truth()
          .forEach(
              (id, t) -> {
                if (!testIds.contains(id)) {
                  trainTruth.put(id, t);
                }
              });
      int best = bestOn(trainTruth, outputs);
      choices.add(grid.get(best));
      sizes.add(test.size());
      for (String id : test) {
        heldOut.put(id, outputs.get(best).get(id));
      }
    }
    int all = bestOn(corpus.truth(), outputs);
    return new Outcome(
        ShingleScore.score(corpus.truth(), heldOut),
        ShingleScore.score(corpus.truth(), outputs.get(all)),
        grid.get(all),
        choices,
        sizes);
  }

  private static int bestOn(Map<String, String> truth, List<Map<String, String>> outputs) {
    int best = 0;
    double bestF1 = -1;
    for (int i = 0; i < outputs.size(); i++) {
      double f1 = ShingleScore.score(truth, outputs.get(i)).f1();
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1;
        best = i;
      }
    }
    return best;
  }

  static void print(Outcome o, int gridSize, long sites, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%nCross-validated by site (%d folds, %d sites dealt round-robin; constants chosen from a"
            + " grid of %d on four folds, scored on the fifth):%n%n",
        o.foldChoices().size(),
        sites,
        gridSize);
    out.println("| Themewire ArticleExtractor | F1 | precision | recall | accuracy |");
    out.println("| --- | ---: | ---: | ---: | ---: |");
    line(out, "cross-validated (held-out folds)", o.crossValidated());
    line(out, "in-sample (best grid point on all pages)", o.inSample());
    out.printf(Locale.ROOT, "%nIn-sample choice: %s%n", describe(o.inSampleChoice()));
    for (int i = 0; i < o.foldChoices().size(); i++) {
      out.printf(
          Locale.ROOT,
          "Fold %d (%d pages held out): %s%n",
          i + 1,
          o.foldSizes().get(i),
          describe(o.foldChoices().get(i)));
    }
  }

  static String describe(Tuning t) {
    return String.format(
        Locale.ROOT,
        "chromePenalty %.2f, narrowShare %.2f, keepFragments %s, fallbackShare %.2f",
        t.chromePenalty(),
        t.narrowShare(),
        t.keepFragments(),
        t.fallbackShare());
  }

  private static void line(PrintWriter out, String name, ShingleScore.Result r) {
    out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %.3f |%n",
        name,
        r.f1(),
        r.precision(),
        r.recall(),
        r.accuracy());
  }
}
