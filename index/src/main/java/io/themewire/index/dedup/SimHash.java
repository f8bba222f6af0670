package io.themewire.index.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 64-bit SimHash fingerprints of text (Charikar): similar texts get fingerprints a few bits apart,
 * so a syndicated copy of a story with different chrome, a changed headline or a few edited words
 * is found by Hamming distance. Features are the lower-cased words of four letters or more, each
 * occurrence adding its 64-bit FNV-1a hash to the per-bit tally. Thread-safe (stateless).
 */
public final class SimHash {

  /** Texts with fewer words are too short to tell a copy from a coincidence. */
  public static final int MIN_WORDS = 50;

  /**
   * Candidates differ by at most this many bits. Unweighted word fingerprints of a few hundred
   * words move 4-6 bits for a one-line change, so 3 would miss real copies; unrelated texts sit
   * near 32. Candidates are then confirmed by {@link #resemblance}.
   */
  public static final int MAX_DISTANCE = 7;

  /** Word 3-gram resemblance (Jaccard) from which a candidate is a copy. */
  public static final double MIN_RESEMBLANCE = 0.7;

  /**
   * Share of the shorter text's word 3-grams found in the longer from which a candidate is a copy:
   * a syndicated copy adds or drops chrome at its edges and keeps the rest whole, while a template
   * filled in with other details loses three 3-grams for every changed word.
   */
  public static final double MIN_CONTAINMENT = 0.9;

  /** Frequent English words of four letters or more, left out of fingerprints. */
  private static final java.util.Set<String> COMMON =
      java.util.Set.of(
          "that", "with", "have", "this", "from", "they", "were", "been", "their", "which", "there",
          "would", "about", "will", "what", "when", "your", "more", "said", "some", "could", "into",
          "them", "than", "then", "other", "also", "just", "like", "only", "over", "after", "years",
          "year", "most", "many", "very", "even", "because", "these", "those", "where", "while",
          "being", "does", "such", "should", "each", "much", "before", "through", "since", "still");

  private SimHash() {}

  /** The fingerprint of {@code text}, or empty ({@code null}) when it has too few words. */
  public static Long of(String text) {
    List<String> words = words(text);
    if (words.size() < MIN_WORDS) {
      return null;
    }
    int[] tally = new int[64];
    for (String w : words) {
      if (w.length() < 4 || COMMON.contains(w)) {
        continue; // function words say nothing about which story this is
      }
      long h = fnv1a(w);
      for (int bit = 0; bit < 64; bit++) {
        tally[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
      }
    }
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (tally[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  /** Bits in which two fingerprints differ. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /**
   * The fingerprint cut into {@code MAX_DISTANCE + 1} bands of 8 bits: two fingerprints within
   * {@link #MAX_DISTANCE} bits agree on at least one band (pigeonhole), so bands are exact-match
   * keys for finding candidates.
   */
  public static List<String> bands(long fingerprint) {
    List<String> out = new ArrayList<>();
    for (int band = 0; band <= MAX_DISTANCE; band++) {
      long part = (fingerprint >>> (band * 8)) & 0xffL;
      out.add(band + ":" + Long.toHexString(part));
    }
    return out;
  }

  /** Jaccard resemblance of two texts' sets of lower-cased word 3-grams, 0 to 1. */
  public static double resemblance(String a, String b) {
    return resemblance(shingles(a), shingles(b));
  }

  /** Share of the smaller set of word 3-grams of two texts found in the other, 0 to 1. */
  public static double containment(String a, String b) {
    return containment(shingles(a), shingles(b));
  }

  /**
   * The set of a text's lower-cased word 3-grams, each as a 64-bit hash, sorted and distinct:
   * computed once per text, it is compared with many others by one merge ({@link
   * #resemblance(long[], long[])}, {@link #containment(long[], long[])}). Two different 3-grams
   * share a hash with a probability of about 2<sup>-64</sup> per pair.
   */
  public static long[] shingles(String text) {
    List<String> words = words(text);
    if (words.size() < 3) {
      return new long[0];
    }
    long[] h = new long[words.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = fnv1a(words.get(i));
    }
    long[] out = new long[h.length - 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = mix(mix(mix(h[i]) ^ h[i + 1]) ^ Long.rotateLeft(h[i + 2], 31));
    }
    java.util.Arrays.sort(out);
    int n = 0;
    for (int i = 0; i < out.length; i++) {
      if (n == 0 || out[n - 1] != out[i]) {
        out[n++] = out[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Hashes kept in a {@link #sketch}. */
  public static final int SKETCH_SIZE = 16;

  /**
   * A candidate whose {@link #sketchResemblance} is below this is not compared in full: half the
   * copy threshold. For two texts at the threshold (0.7) a 16-value sketch reads below it about
   * once in a thousand pairs (the copy then stays a separate item: a duplicate, never a loss);
   * syndicated copies (resemblance 0.9 and more) practically never.
   */
  public static final double MIN_SKETCH_RESEMBLANCE = MIN_RESEMBLANCE / 2;

  /**
   * A bottom-{@value #SKETCH_SIZE} sketch of a {@link #shingles(String)} set: its smallest hashes,
   * as bytes (8 per hash, big-endian), small enough to keep with every fingerprinted item.
   */
  public static byte[] sketch(long[] shingles) {
    int n = Math.min(SKETCH_SIZE, shingles.length);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * n);
    for (int i = 0; i < n; i++) {
      b.putLong(shingles[i]);
    }
    return b.array();
  }

  /**
   * Jaccard resemblance of two 3-gram sets estimated from their {@link #sketch}es (bottom-k): the
   * share of the union's smallest hashes found in both. {@code b} is read from {@code offset} for
   * {@code length} bytes.
   */
  public static double sketchResemblance(long[] a, byte[] b, int offset, int length) {
    int na = Math.min(SKETCH_SIZE, a.length);
    int nb = Math.min(SKETCH_SIZE, length / 8);
    if (na == 0 || nb == 0) {
      return 0;
    }
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(b, offset, length);
    long[] other = new long[nb];
    for (int j = 0; j < nb; j++) {
      other[j] = bytes.getLong(offset + 8 * j);
    }
    int k = Math.max(na, nb);
    int i = 0;
    int j = 0;
    int taken = 0;
    int both = 0;
    while (taken < k && i < na && j < nb) {
      if (a[i] == other[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < other[j]) {
        i++;
      } else {
        j++;
      }
      taken++;
    }
    taken += Math.min(k - taken, (na - i) + (nb - j));
    return (double) both / taken;
  }

  /** Jaccard resemblance of two {@link #shingles(String)} sets, 0 to 1. */
  public static double resemblance(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int common = common(a, b);
    return (double) common / (a.length + b.length - common);
  }

  /** Share of the smaller of two {@link #shingles(String)} sets found in the other, 0 to 1. */
  public static double containment(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    return (double) common(a, b) / Math.min(a.length, b.length);
  }

  private static int common(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  /**
   * The lower-cased words of a text: runs of letters and numbers ({@code [\p{L}\p{N}]+}), found by
   * one scan of its code points.
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    int start = -1;
    int i = 0;
    while (i <= text.length()) {
      int cp = i < text.length() ? text.codePointAt(i) : ' ';
      boolean word = i < text.length() && isWordChar(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
      i += i < text.length() ? Character.charCount(cp) : 1;
    }
    return words;
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** The finalizer of MurmurHash3's 64-bit hash: spreads every input bit over the output. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
