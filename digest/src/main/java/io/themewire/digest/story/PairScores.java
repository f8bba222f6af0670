package io.themewire.digest.story;

import java.util.Arrays;

/**
 * Similarities of item pairs, keyed by the pair {@code (lo << 32) | hi} of item indexes with {@code
 * lo < hi}: a sparse, sorted, primitive table (absent pairs are 0). Built once, then read-only.
 */
final class PairScores {

  private long[] keys = new long[1024];
  private double[] values = new double[1024];
  private int size;
  private boolean sorted = true;

  static long key(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return ((long) lo << 32) | (hi & 0xffffffffL);
  }

  static int first(long key) {
    return (int) (key >>> 32);
  }

  static int second(long key) {
    return (int) key;
  }

  void add(long key, double value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    if (size > 0 && keys[size - 1] >= key) {
      sorted = false;
    }
    keys[size] = key;
    values[size] = value;
    size++;
  }

  /** Sorts by key; call once after the last {@link #add}. */
  PairScores seal() {
    if (!sorted) {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      long[] k = keys;
      Arrays.sort(order, (x, y) -> Long.compare(k[x], k[y]));
      long[] nk = new long[size];
      double[] nv = new double[size];
      for (int i = 0; i < size; i++) {
        nk[i] = keys[order[i]];
        nv[i] = values[order[i]];
      }
      keys = nk;
      values = nv;
      sorted = true;
    }
    return this;
  }

  int size() {
    return size;
  }

  long keyAt(int i) {
    return keys[i];
  }

  double valueAt(int i) {
    return values[i];
  }

  double get(int a, int b) {
    int i = Arrays.binarySearch(keys, 0, size, key(a, b));
    return i >= 0 ? values[i] : 0;
  }
}
