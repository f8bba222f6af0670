package io.themewire.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's metric: token 4-gram shingles compared per page, precision and
 * recall macro-averaged over pages, F1 their harmonic mean, accuracy the share of pages whose token
 * sequence matches exactly. Implemented from the corpus README's description.
 */
final class ShingleScore {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

  /** Corpus-level figures, with each page's precision and recall. */
  record Result(
      double f1,
      double precision,
      double recall,
      double accuracy,
      int pages,
      Map<String, double[]> perPage) {}

  private ShingleScore() {}

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static Map<List<String>, Integer> shingles(List<String> tokens) {
    Map<List<String>, Integer> out = new HashMap<>();
    if (tokens.isEmpty()) {
      return out;
    }
    if (tokens.size() < 4) {
      out.put(List.copyOf(tokens), 1);
      return out;
    }
    for (int i = 0; i + 4 <= tokens.size(); i++) {
      out.merge(List.copyOf(tokens.subList(i, i + 4)), 1, Integer::sum);
    }
    return out;
  }

  /**
   * Scores predictions against the ground truth.
   *
   * @param truth page id to true text
   * @param predicted page id to predicted text (a missing page counts as empty)
   */
  static Result score(Map<String, String> truth, Map<String, String> predicted) {
    double precisionSum = 0;
    int precisionPages = 0;
    double recallSum = 0;
    int recallPages = 0;
    int exact = 0;
    Map<String, double[]> perPage = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> page : truth.entrySet()) {
      List<String> t = tokens(page.getValue());
      List<String> p = tokens(predicted.getOrDefault(page.getKey(), ""));
      if (t.equals(p)) {
        exact++;
      }
      Map<List<String>, Integer> ts = shingles(t);
      Map<List<String>, Integer> ps = shingles(p);
      Set<List<String>> all = new HashSet<>(ts.keySet());
      all.addAll(ps.keySet());
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (List<String> s : all) {
        int ct = ts.getOrDefault(s, 0);
        int cp = ps.getOrDefault(s, 0);
        tp += Math.min(ct, cp);
        fp += Math.max(0, cp - ct);
        fn += Math.max(0, ct - cp);
      }
      double precision;
      double recall;
      if (fp == 0 && fn == 0) {
        precision = 1;
        recall = 1;
      } else {
        precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      }
      perPage.put(page.getKey(), new double[] {precision, recall});
      if (tp + fp > 0) {
        precisionSum += precision;
        precisionPages++;
      }
      if (tp + fn > 0) {
        recallSum += recall;
        recallPages++;
      }
    }
    double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
    double recall = recallPages == 0 ? 0 : recallSum / recallPages;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Result(
        f1,
        precision,
        recall,
        truth.isEmpty() ? 0 : (double) exact / truth.size(),
        truth.size(),
        perPage);
  }
}
