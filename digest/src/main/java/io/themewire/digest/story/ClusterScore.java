package io.themewire.digest.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How well predicted story groups match labelled ones, over the items both know.
 *
 * <p>Pairwise: precision is the share of predicted same-story pairs that the labels also put
 * together; recall the share of labelled pairs the prediction found. B-cubed (Bagga and Baldwin):
 * per item, the share of its predicted story that shares its label (precision) and the share of its
 * labelled group that shares its predicted story (recall), averaged over items.
 *
 * @param items how many items were scored (those in both maps)
 * @param pairwise pairwise precision, recall, F1
 * @param bcubed B-cubed precision, recall, F1
 */
public record ClusterScore(int items, Prf pairwise, Prf bcubed) {

  /** Precision, recall and their harmonic mean, each 0..1. */
  public record Prf(double precision, double recall, double f1) {
    static Prf of(double p, double r) {
      return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f", precision, recall, f1);
    }
  }

  /**
   * Scores {@code predicted} (item id → story id) against {@code gold} (item id → group label).
   * Items in only one of the maps are ignored.
   */
  public static ClusterScore of(Map<String, String> gold, Map<String, String> predicted) {
    Map<String, Set<String>> goldGroups = new HashMap<>();
    Map<String, Set<String>> predGroups = new HashMap<>();
    Map<String, Map<String, Integer>> cross = new HashMap<>();
    int items = 0;
    for (Map.Entry<String, String> e : gold.entrySet()) {
      String p = predicted.get(e.getKey());
      if (p == null) {
        continue;
      }
      items++;
      goldGroups.computeIfAbsent(e.getValue(), k -> new HashSet<>()).add(e.getKey());
      predGroups.computeIfAbsent(p, k -> new HashSet<>()).add(e.getKey());
      cross.computeIfAbsent(e.getValue(), k -> new HashMap<>()).merge(p, 1, Integer::sum);
    }
    long truePairs = 0;
    for (Map<String, Integer> row : cross.values()) {
      for (int c : row.values()) {
        truePairs += (long) c * (c - 1) / 2;
      }
    }
    long goldPairs = goldGroups.values().stream().mapToLong(g -> pairs(g.size())).sum();
    long predPairs = predGroups.values().stream().mapToLong(g -> pairs(g.size())).sum();
    Prf pairwise =
        Prf.of(
            predPairs == 0 ? 1 : (double) truePairs / predPairs,
            goldPairs == 0 ? 1 : (double) truePairs / goldPairs);
    double bp = 0;
    double br = 0;
    for (Map.Entry<String, Map<String, Integer>> row : cross.entrySet()) {
      int goldSize = goldGroups.get(row.getKey()).size();
      for (Map.Entry<String, Integer> cell : row.getValue().entrySet()) {
        int predSize = predGroups.get(cell.getKey()).size();
        int c = cell.getValue();
        // Each of the c items in this cell sees c correct out of predSize / goldSize.
        bp += (double) c * c / predSize;
        br += (double) c * c / goldSize;
      }
    }
    Prf bcubed = items == 0 ? Prf.of(0, 0) : Prf.of(bp / items, br / items);
    return new ClusterScore(items, pairwise, bcubed);
  }

  private static long pairs(int n) {
    return (long) n * (n - 1) / 2;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "items %d%npairwise  %s%nB-cubed   %s", items, pairwise, bcubed);
  }
}
