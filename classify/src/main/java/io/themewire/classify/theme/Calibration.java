package io.themewire.classify.theme;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Maps the model's probability of its best theme to the chance that the best theme is right, by
 * isotonic regression (pool-adjacent-violators) over scores from cross-validation folds: a text the
 * model gives 0.7 is right about as often as the examples given 0.7 by models that never saw them.
 * Between the fitted blocks the map is linear; it never decreases.
 */
final class Calibration implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The identity, for models without folds to calibrate on. */
  static final Calibration NONE = new Calibration(new double[] {0, 1}, new double[] {0, 1});

  private final double[] xs;
  private final double[] ys;

  private Calibration(double[] xs, double[] ys) {
    this.xs = xs;
    this.ys = ys;
  }

  /**
   * Fits the map.
   *
   * @param scores the best theme's probability of each held-out example
   * @param correct whether that theme was the example's label
   */
  static Calibration fit(double[] scores, boolean[] correct) {
    int n = scores.length;
    if (n < 10) {
      return NONE;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    // Blocks of pooled examples: mean score, mean correctness, weight.
    double[] bx = new double[n];
    double[] by = new double[n];
    double[] bw = new double[n];
    int blocks = 0;
    for (int k = 0; k < n; ) {
      // Equal scores form one point: they cannot be told apart.
      double x = scores[order[k]];
      double sum = 0;
      int w = 0;
      while (k < n && scores[order[k]] == x) {
        sum += correct[order[k]] ? 1 : 0;
        w++;
        k++;
      }
      bx[blocks] = x;
      by[blocks] = sum / w;
      bw[blocks] = w;
      blocks++;
      while (blocks > 1 && by[blocks - 2] >= by[blocks - 1]) {
        double pooled = bw[blocks - 2] + bw[blocks - 1];
        bx[blocks - 2] =
            (bx[blocks - 2] * bw[blocks - 2] + bx[blocks - 1] * bw[blocks - 1]) / pooled;
        by[blocks - 2] =
            (by[blocks - 2] * bw[blocks - 2] + by[blocks - 1] * bw[blocks - 1]) / pooled;
        bw[blocks - 2] = pooled;
        blocks--;
      }
    }
    return new Calibration(Arrays.copyOf(bx, blocks), Arrays.copyOf(by, blocks));
  }

  /** The calibrated chance of being right for a best-theme probability. */
  double apply(double score) {
    if (score <= xs[0]) {
      return ys[0];
    }
    int last = xs.length - 1;
    if (score >= xs[last]) {
      return ys[last];
    }
    int k = Arrays.binarySearch(xs, score);
    if (k >= 0) {
      return ys[k];
    }
    int hi = -k - 1;
    int lo = hi - 1;
    double t = (score - xs[lo]) / (xs[hi] - xs[lo]);
    return ys[lo] + t * (ys[hi] - ys[lo]);
  }
}
