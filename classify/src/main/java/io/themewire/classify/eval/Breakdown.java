package io.themewire.classify.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The full evaluation of labelled items: the {@link Evaluation} over all of them, how transition
 * items' directions came out (the right transition, the opposite one, or another theme), accuracy
 * on short texts (under {@value EvalItem#SHORT_WORDS} words) and longer ones, and the scores of
 * each register.
 *
 * @param all scores over every item
 * @param transitionItems items whose gold label is a transition theme with an opposite
 * @param rightTransition of those, predicted as their own transition
 * @param swapped of those, predicted as the opposite transition
 * @param shortItems items under {@value EvalItem#SHORT_WORDS} words
 * @param shortCorrect of those, predicted right
 * @param longItems the other items
 * @param longCorrect of those, predicted right
 * @param perRegister scores of each register's items; empty when no item names a register
 */
public record Breakdown(
    Evaluation all,
    int transitionItems,
    int rightTransition,
    int swapped,
    int shortItems,
    int shortCorrect,
    int longItems,
    int longCorrect,
    Map<String, Evaluation> perRegister) {

  /**
   * Scores predictions of items.
   *
   * @param opposite pairs of transition themes that are each other's reverse
   */
  public static Breakdown of(
      List<EvalItem> items, List<String> predicted, List<List<String>> opposite) {
    if (items.size() != predicted.size()) {
      throw new IllegalArgumentException(
          items.size() + " items but " + predicted.size() + " predictions");
    }
    List<String> gold = items.stream().map(EvalItem::label).toList();
    int transitions = 0;
    int right = 0;
    int swapped = 0;
    int shortN = 0;
    int shortOk = 0;
    int longN = 0;
    int longOk = 0;
    Map<String, List<Integer>> byRegister = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      EvalItem item = items.get(i);
      String g = gold.get(i);
      String p = predicted.get(i);
      boolean ok = g.equals(p);
      for (List<String> pair : opposite) {
        if (pair.contains(g)) {
          transitions++;
          String other = pair.get(0).equals(g) ? pair.get(1) : pair.get(0);
          if (ok) {
            right++;
          } else if (p.equals(other)) {
            swapped++;
          }
        }
      }
      if (item.isShort()) {
        shortN++;
        shortOk += ok ? 1 : 0;
      } else {
        longN++;
        longOk += ok ? 1 : 0;
      }
      if (!item.register().isEmpty()) {
        byRegister.computeIfAbsent(item.register(), r -> new ArrayList<>()).add(i);
      }
    }
    Map<String, Evaluation> perRegister = new TreeMap<>();
    byRegister.forEach(
        (register, idx) ->
            perRegister.put(
                register,
                Evaluation.of(
                    idx.stream().map(gold::get).toList(),
                    idx.stream().map(predicted::get).toList(),
                    opposite)));
    return new Breakdown(
        Evaluation.of(gold, predicted, opposite),
        transitions,
        right,
        swapped,
        shortN,
        shortOk,
        longN,
        longOk,
        perRegister);
  }

  /** Share of transition items given their own transition; 0 when there are none. */
  public double rightTransitionRate() {
    return transitionItems == 0 ? 0 : (double) rightTransition / transitionItems;
  }

  /** Share of transition items given the opposite transition; 0 when there are none. */
  public double swapRate() {
    return transitionItems == 0 ? 0 : (double) swapped / transitionItems;
  }

  public double shortAccuracy() {
    return shortItems == 0 ? 0 : (double) shortCorrect / shortItems;
  }

  public double longAccuracy() {
    return longItems == 0 ? 0 : (double) longCorrect / longItems;
  }

  /** The plain-text report: {@link Evaluation#report()}, then direction, length and registers. */
  public String report() {
    StringBuilder out = new StringBuilder(all.report());
    out.append(
        String.format(
            Locale.ROOT,
            "%ndirection on %d transition items: right transition %d (%.3f), swapped %d (%.1f%%),"
                + " other theme %d (%.1f%%)%n",
            transitionItems,
            rightTransition,
            rightTransitionRate(),
            swapped,
            100 * swapRate(),
            transitionItems - rightTransition - swapped,
            transitionItems == 0
                ? 0.0
                : 100.0 * (transitionItems - rightTransition - swapped) / transitionItems));
    out.append(
        String.format(
            Locale.ROOT,
            "accuracy on short texts (< %d words) %.3f of %d; longer %.3f of %d%n",
            EvalItem.SHORT_WORDS,
            shortAccuracy(),
            shortItems,
            longAccuracy(),
            longItems));
    if (!perRegister.isEmpty()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%n%-10s %6s %9s %9s %8s%n",
              "register",
              "items",
              "accuracy",
              "macro-F1",
              "swapped"));
      perRegister.forEach(
          (register, e) ->
              out.append(
                  String.format(
                      Locale.ROOT,
                      "%-10s %6d %9.3f %9.3f %4d/%-3d%n",
                      register,
                      e.confusion().values().stream()
                          .flatMap(r -> r.values().stream())
                          .mapToInt(Integer::intValue)
                          .sum(),
                      e.accuracy(),
                      e.macroF1(),
                      e.swapped(),
                      e.transitionItems())));
    }
    return out.toString();
  }
}
