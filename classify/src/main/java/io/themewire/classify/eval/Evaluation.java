package io.themewire.classify.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Per-theme precision, recall and F1, macro-F1, the confusion matrix, and how often a move was read
 * the wrong way round, for gold and predicted labels of the same items.
 *
 * @param labels every label seen, gold or predicted, in a stable order
 * @param perLabel scores of each label
 * @param macroF1 the mean F1 over the gold labels
 * @param accuracy the share of items whose prediction equals the gold label
 * @param confusion gold label to predicted label to count
 * @param transitionItems items whose gold label is one of the two opposite transitions
 * @param swapped of those, how many were predicted as the opposite transition
 */
public record Evaluation(
    List<String> labels,
    Map<String, Scores> perLabel,
    double macroF1,
    double accuracy,
    Map<String, Map<String, Integer>> confusion,
    int transitionItems,
    int swapped) {

  /** Scores of one label. */
  public record Scores(int support, double precision, double recall, double f1) {}

  /**
   * Scores predictions.
   *
   * @param gold gold labels
   * @param predicted predicted labels, in the same order
   * @param opposite pairs of labels that are each other's reverse (ic-to-manager, manager-to-ic)
   */
  public static Evaluation of(
      List<String> gold, List<String> predicted, List<List<String>> opposite) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          "gold has " + gold.size() + " labels, predicted " + predicted.size());
    }
    TreeSet<String> goldLabels = new TreeSet<>(gold);
    TreeSet<String> all = new TreeSet<>(gold);
    all.addAll(predicted);
    Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    for (String g : all) {
      Map<String, Integer> row = new LinkedHashMap<>();
      for (String p : all) {
        row.put(p, 0);
      }
      confusion.put(g, row);
    }
    int correct = 0;
    int transitions = 0;
    int swapped = 0;
    for (int i = 0; i < gold.size(); i++) {
      String g = gold.get(i);
      String p = predicted.get(i);
      confusion.get(g).merge(p, 1, Integer::sum);
      if (g.equals(p)) {
        correct++;
      }
      for (List<String> pair : opposite) {
        if (pair.contains(g)) {
          transitions++;
          String other = pair.get(0).equals(g) ? pair.get(1) : pair.get(0);
          if (p.equals(other)) {
            swapped++;
          }
        }
      }
    }
    Map<String, Scores> per = new LinkedHashMap<>();
    double f1Sum = 0;
    for (String label : all) {
      int tp = confusion.get(label).get(label);
      int goldCount = confusion.get(label).values().stream().mapToInt(Integer::intValue).sum();
      int predCount = 0;
      for (String g : all) {
        predCount += confusion.get(g).get(label);
      }
      double precision = predCount == 0 ? 0 : (double) tp / predCount;
      double recall = goldCount == 0 ? 0 : (double) tp / goldCount;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      per.put(label, new Scores(goldCount, precision, recall, f1));
      if (goldLabels.contains(label)) {
        f1Sum += f1;
      }
    }
    return new Evaluation(
        new ArrayList<>(all),
        per,
        goldLabels.isEmpty() ? 0 : f1Sum / goldLabels.size(),
        gold.isEmpty() ? 0 : (double) correct / gold.size(),
        confusion,
        transitions,
        swapped);
  }

  /** Share of transition items read the wrong way round; 0 when there are none. */
  public double swapRate() {
    return transitionItems == 0 ? 0 : (double) swapped / transitionItems;
  }

  /** A plain-text report: the per-theme table, macro-F1, accuracy, swap rate, confusion matrix. */
  public String report() {
    StringBuilder out = new StringBuilder();
    int w = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(12));
    out.append(
        String.format(
            Locale.ROOT,
            "%-" + w + "s %9s %9s %9s %9s%n",
            "theme",
            "precision",
            "recall",
            "f1",
            "support"));
    for (String label : labels) {
      Scores s = Objects.requireNonNull(perLabel.get(label));
      out.append(
          String.format(
              Locale.ROOT,
              "%-" + w + "s %9.3f %9.3f %9.3f %9d%n",
              label,
              s.precision(),
              s.recall(),
              s.f1(),
              s.support()));
    }
    out.append(String.format(Locale.ROOT, "%nmacro-F1  %.3f%naccuracy  %.3f%n", macroF1, accuracy));
    out.append(
        String.format(
            Locale.ROOT,
            "direction swapped  %d of %d transition items (%.1f%%)%n%n",
            swapped,
            transitionItems,
            100 * swapRate()));
    out.append("confusion (rows gold, columns predicted)\n");
    out.append(String.format(Locale.ROOT, "%-" + w + "s", ""));
    for (String l : labels) {
      out.append(String.format(Locale.ROOT, " %6.6s", l));
    }
    out.append('\n');
    for (String g : labels) {
      out.append(String.format(Locale.ROOT, "%-" + w + "s", g));
      for (String p : labels) {
        out.append(String.format(Locale.ROOT, " %6d", confusion.get(g).get(p)));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
