package io.themewire.index.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private SimHash() {}

  /** The fingerprint of {@code text}, or empty ({@code null}) when it has too few words. */
  public static Long of(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text == null ? "" : text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
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
    java.util.Set<String> x = shingles(a);
    java.util.Set<String> y = shingles(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String s : x) {
      if (y.contains(s)) {
        common++;
      }
    }
    return (double) common / (x.size() + y.size() - common);
  }

  /** Share of the smaller set of word 3-grams of two texts found in the other, 0 to 1. */
  public static double containment(String a, String b) {
    java.util.Set<String> x = shingles(a);
    java.util.Set<String> y = shingles(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    java.util.Set<String> small = x.size() <= y.size() ? x : y;
    java.util.Set<String> large = small == x ? y : x;
    int common = 0;
    for (String s : small) {
      if (large.contains(s)) {
        common++;
      }
    }
    return (double) common / small.size();
  }

  private static java.util.Set<String> shingles(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text == null ? "" : text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int i = 0; i + 3 <= words.size(); i++) {
      out.add(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
    }
    return out;
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
