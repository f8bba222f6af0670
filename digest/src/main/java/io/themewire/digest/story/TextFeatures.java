package io.themewire.digest.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the clusterer reads from one item's words: content terms of the title and lead, the
 * distinguishing tokens (names, numbers), and word shingles of the whole text for near-duplicate
 * detection. Language-generic: the only word list is English function words.
 */
final class TextFeatures {

  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}]+(?:[.,'’&-][\\p{L}\\p{N}]+)*");

  /** Function words: they carry no topic. Not a list of any domain's words. */
  static final Set<String> STOP =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "either",
          "else",
          "ever",
          "every",
          "few",
          "for",
          "from",
          "further",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "however",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "least",
          "less",
          "like",
          "many",
          "may",
          "me",
          "might",
          "more",
          "most",
          "much",
          "must",
          "my",
          "myself",
          "neither",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "on",
          "once",
          "one",
          "only",
          "or",
          "other",
          "others",
          "ought",
          "our",
          "ours",
          "ourselves",
          "out",
          "over",
          "own",
          "per",
          "quite",
          "rather",
          "same",
          "says",
          "said",
          "say",
          "shall",
          "she",
          "should",
          "since",
          "so",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "though",
          "through",
          "thus",
          "to",
          "too",
          "under",
          "until",
          "up",
          "upon",
          "us",
          "very",
          "via",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "whether",
          "which",
          "while",
          "who",
          "whom",
          "whose",
          "why",
          "will",
          "with",
          "within",
          "without",
          "would",
          "yet",
          "you",
          "your",
          "yours",
          "yourself",
          "yourselves",
          "new",
          "first",
          "last",
          "s",
          "t",
          "mr",
          "mrs",
          "ms",
          "dr");

  private static final Set<String> CALENDAR =
      Set.of(
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec",
          "today",
          "yesterday",
          "tomorrow");

  /** Title terms, each once per occurrence (weighted by the caller). */
  final List<String> titleTerms;

  /** Terms of the first {@code leadTokens} words of the text. */
  final List<String> leadTerms;

  /** Distinguishing tokens of the title and lead: normalised key → surface form. */
  final Map<String, String> names;

  /** Hashes of the word 3-shingles of title and full text, sorted, without duplicates. */
  final long[] shingles;

  private TextFeatures(
      List<String> titleTerms, List<String> leadTerms, Map<String, String> names, long[] shingles) {
    this.titleTerms = titleTerms;
    this.leadTerms = leadTerms;
    this.names = names;
    this.shingles = shingles;
  }

  /** The words of one item's title and text. */
  record Words(List<Token> title, List<Token> text) {
    static Words of(String title, String text) {
      return new Words(tokens(title), tokens(text));
    }

    /** Adds the words written in lower case somewhere in this item to {@code seen}. */
    void addLowercase(Set<String> seen) {
      for (List<Token> list : List.of(title, text)) {
        for (Token t : list) {
          if (!t.capitalised() && !t.number()) {
            seen.add(t.key());
          }
        }
      }
    }
  }

  /** Features of one item on its own (names judged by the item's own words). */
  static TextFeatures of(String title, String text, int leadTokens) {
    Words words = Words.of(title, text);
    Set<String> lower = new HashSet<>();
    words.addLowercase(lower);
    return of(words, leadTokens, lower);
  }

  /**
   * Features of one item.
   *
   * @param lowercase words seen in lower case in the items clustered together: a capitalised word
   *     at the start of a sentence is a name unless it is seen in lower case somewhere
   */
  static TextFeatures of(Words words, int leadTokens, Set<String> lowercase) {
    List<Token> titleTokens = words.title();
    List<Token> textTokens = words.text();
    List<Token> lead = textTokens.subList(0, Math.min(leadTokens, textTokens.size()));

    List<String> titleTerms = terms(titleTokens);
    List<String> leadTerms = terms(lead);

    // A name is a capitalised word that is not capitalised merely by position (the first word of a
    // sentence, a word of a title written in Title Case): one also capitalised mid-sentence in the
    // item, or never written in lower case in the items clustered, or written in capitals, or one
    // with digits.
    Map<String, String> midSentence = new HashMap<>();
    for (Token t : textTokens) {
      if (t.capitalised() && !t.sentenceStart()) {
        midSentence.putIfAbsent(t.key(), t.surface());
      }
    }
    boolean titleCase = isTitleCase(titleTokens);
    for (Token t : titleTokens) {
      if (t.capitalised() && !t.sentenceStart() && !titleCase) {
        midSentence.putIfAbsent(t.key(), t.surface());
      }
    }
    Map<String, String> names = new HashMap<>();
    List<Token> nameZone = new ArrayList<>(titleTokens);
    nameZone.addAll(lead);
    for (Token t : nameZone) {
      String key = t.key();
      if (key.isEmpty() || STOP.contains(key) || t.calendarWord() || t.contraction()) {
        continue;
      }
      boolean name =
          t.number()
              || t.acronym()
              || (t.capitalised() && (midSentence.containsKey(key) || !lowercase.contains(key)));
      if (name) {
        names.putIfAbsent(key, midSentence.getOrDefault(key, t.surface()));
      }
    }
    return new TextFeatures(titleTerms, leadTerms, names, shingles(titleTokens, textTokens));
  }

  private static boolean isTitleCase(List<Token> tokens) {
    int words = 0;
    int caps = 0;
    for (Token t : tokens) {
      if (t.number() || t.surface().length() < 4) {
        continue;
      }
      words++;
      if (t.capitalised()) {
        caps++;
      }
    }
    return words >= 2 && caps * 10 >= words * 7;
  }

  private static List<String> terms(List<Token> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      String key = t.key();
      if (key.length() > 1 && !STOP.contains(key) || t.number()) {
        out.add(key);
      }
    }
    return out;
  }

  private static long[] shingles(List<Token> title, List<Token> text) {
    List<String> words = new ArrayList<>(title.size() + text.size());
    for (Token t : title) {
      words.add(t.lower());
    }
    for (Token t : text) {
      words.add(t.lower());
    }
    int count = Math.max(0, words.size() - 2);
    long[] hashes = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 1125899906842597L;
      for (int k = i; k < i + 3; k++) {
        h = 31 * h + words.get(k).hashCode();
        h ^= (h >>> 29);
      }
      hashes[i] = h;
    }
    Arrays.sort(hashes);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[distinct++] = hashes[i];
      }
    }
    return Arrays.copyOf(hashes, distinct);
  }

  /** Jaccard and containment (overlap over the smaller set) of two sorted shingle arrays. */
  static double[] overlap(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - shared;
    int min = Math.min(a.length, b.length);
    return new double[] {
      union == 0 ? 0 : (double) shared / union, min == 0 ? 0 : (double) shared / min
    };
  }

  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    int last = 0;
    boolean start = true;
    while (m.find()) {
      String gap = s.substring(last, m.start());
      if (!out.isEmpty() && endsSentence(gap)) {
        start = true;
      }
      out.add(new Token(m.group(), start));
      start = false;
      last = m.end();
    }
    return out;
  }

  private static boolean endsSentence(String gap) {
    for (int i = 0; i < gap.length(); i++) {
      char c = gap.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '"' || c == '“'
          || c == '—' || c == '|' || c == '(') {
        return true;
      }
    }
    return false;
  }

  /** One word with its form and position. */
  static final class Token {
    private final String surface;
    private final boolean sentenceStart;
    private final String lower;
    private final String key;

    Token(String surface, boolean sentenceStart) {
      this.surface = surface;
      this.sentenceStart = sentenceStart;
      this.lower = surface.toLowerCase(Locale.ROOT);
      this.key = computeKey();
    }

    String surface() {
      return surface;
    }

    boolean sentenceStart() {
      return sentenceStart;
    }

    boolean capitalised() {
      return Character.isUpperCase(surface.codePointAt(0));
    }

    boolean number() {
      for (int i = 0; i < surface.length(); i++) {
        if (Character.isDigit(surface.charAt(i))) {
          return surface.length() >= 2;
        }
      }
      return false;
    }

    /**
     * Weekday and month names and years: every report dates itself, so these say when, not which
     * event. (They still count in the cosine.)
     */
    boolean calendarWord() {
      String w = lower();
      if (w.length() == 4
          && (w.startsWith("19") || w.startsWith("20"))
          && w.chars().allMatch(Character::isDigit)) {
        return true;
      }
      return CALENDAR.contains(w);
    }

    /** A contraction of a function word ({@code I'm}, {@code We've}): capitalised by grammar. */
    boolean contraction() {
      int q = Math.max(surface.indexOf('\''), surface.indexOf('’'));
      return q > 0 && STOP.contains(surface.substring(0, q).toLowerCase(Locale.ROOT));
    }

    boolean acronym() {
      int letters = 0;
      for (int i = 0; i < surface.length(); i++) {
        char c = surface.charAt(i);
        if (Character.isLetter(c)) {
          if (!Character.isUpperCase(c)) {
            return false;
          }
          letters++;
        }
      }
      return letters >= 2 && letters <= 6;
    }

    String lower() {
      return lower;
    }

    /**
     * A number the same whichever convention wrote it: a {@code ,} or {@code .} followed by exactly
     * three digits separates thousands and goes ({@code 1,200}, {@code 1.200} and {@code 1200} are
     * one key), any other one is the decimal mark and becomes {@code .} ({@code 6,8} and {@code
     * 6.8}). Letters and other marks stay as they are ({@code 3.40pm}, {@code 2-1}).
     */
    static String numberKey(String w) {
      StringBuilder out = new StringBuilder(w.length());
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if ((c == ',' || c == '.') && i > 0 && Character.isDigit(w.charAt(i - 1))) {
          int digits = 0;
          while (i + 1 + digits < w.length() && Character.isDigit(w.charAt(i + 1 + digits))) {
            digits++;
          }
          boolean groupEnds =
              i + 1 + digits == w.length()
                  || w.charAt(i + 1 + digits) == ','
                  || w.charAt(i + 1 + digits) == '.';
          if (digits == 3 && groupEnds) {
            continue; // a thousands separator
          }
          if (digits > 0) {
            out.append('.');
            continue;
          }
        }
        out.append(c);
      }
      return out.toString();
    }

    /** Lower case, possessive dropped, plural folded, thousands separators and dots removed. */
    String key() {
      return key;
    }

    private String computeKey() {
      String w = lower;
      if (w.endsWith("'s") || w.endsWith("’s")) {
        w = w.substring(0, w.length() - 2);
      }
      if (number()) {
        return numberKey(w);
      }
      w = w.replace(".", "").replace(",", "");
      int n = w.length();
      if (n > 4 && w.endsWith("ies")) {
        return w.substring(0, n - 3) + "y";
      }
      if (n > 4 && w.endsWith("sses")) {
        return w.substring(0, n - 2);
      }
      if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
        return w.substring(0, n - 1);
      }
      return w;
    }
  }
}
