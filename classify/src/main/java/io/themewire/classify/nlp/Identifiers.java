package io.themewire.classify.nlp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks machine identifiers before part-of-speech tagging: URLs, e-mail addresses, hashes, version
 * strings, ticket ids and user names with digits ({@code amber123456}, {@code 7f3a9c2e}, {@code
 * v4.5.10-rc1}, {@code JIRA-1234}). Each becomes the word {@value #PLACEHOLDER} padded with spaces
 * to its own length, so every offset into the text stays valid.
 *
 * <p>Why: the tagger's exact sequence search slows sharply on runs of unknown words, and a tech
 * post carries many of them; a dozen such tokens made a short post cost seven times as much. What
 * they are never says anything about a career theme, only that an identifier stands there.
 *
 * <p>Left alone: plain numbers and years, and job-level codes such as {@code L5}, {@code IC4},
 * {@code SDE2} (six characters or fewer), which the theme features read.
 */
public final class Identifiers {

  /** The word an identifier is replaced by. */
  public static final String PLACEHOLDER = "ID";

  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]{1,9}://|www\\.)[^\\s<>\"')\\]]+");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

  /** A run of non-space characters; candidates are then tested by {@link #isIdentifier}. */
  private static final Pattern CHUNK = Pattern.compile("[^\\s]+");

  private Identifiers() {}

  /** The text with every identifier masked; the same string when there is none. */
  public static String mask(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char[] out = null;
    out = maskAll(URL.matcher(text), text, out);
    out = maskAll(EMAIL.matcher(text), text, out);
    String src = out == null ? text : new String(out);
    Matcher m = CHUNK.matcher(src);
    while (m.find()) {
      int from = m.start();
      int to = m.end();
      // Trim surrounding punctuation: "(#1234)," is the identifier #1234 in brackets.
      while (from < to && isEdgePunct(src.charAt(from))) {
        from++;
      }
      while (to > from && isEdgePunct(src.charAt(to - 1))) {
        to--;
      }
      if (to - from >= 3 && isIdentifier(src, from, to)) {
        if (out == null) {
          out = text.toCharArray();
        }
        fill(out, from, to);
      }
    }
    return out == null ? text : new String(out);
  }

  private static char[] maskAll(Matcher m, String text, char[] out) {
    while (m.find()) {
      if (m.end() - m.start() < PLACEHOLDER.length()) {
        continue;
      }
      if (out == null) {
        out = text.toCharArray();
      }
      fill(out, m.start(), m.end());
    }
    return out;
  }

  private static void fill(char[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      int k = i - from;
      out[i] = k < PLACEHOLDER.length() ? PLACEHOLDER.charAt(k) : ' ';
    }
  }

  private static boolean isEdgePunct(char c) {
    return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == ','
        || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '"' || c == '\''
        || c == '`' || c == '*' || c == '<' || c == '>';
  }

  /**
   * Whether {@code s[from, to)} is a machine identifier: it mixes letters and digits and is longer
   * than a level code, or is a hex string of seven or more characters with a digit, or a dotted
   * version with two or more dots, or a {@code #123}/{@code ABC-123} ticket reference, or a path.
   */
  static boolean isIdentifier(String s, int from, int to) {
    int letters = 0;
    int digits = 0;
    int hex = 0;
    int dots = 0;
    int slashes = 0;
    int other = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        hex++;
      } else if (Character.isLetter(c)) {
        letters++;
        if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
          hex++;
        }
      } else if (c == '.') {
        dots++;
      } else if (c == '/' || c == '\\') {
        slashes++;
      } else if (c != '-' && c != '_' && c != '#' && c != '+' && c != '@' && c != '=') {
        other++;
      }
    }
    int n = to - from;
    if (other > 0 || digits == 0 && slashes < 2) {
      return false;
    }
    if (slashes >= 2 && letters + digits >= 4) {
      return true; // a path: /var/log/app, src/main/java
    }
    if (digits == 0) {
      return false;
    }
    if (s.charAt(from) == '#' && digits == n - 1) {
      return true; // #1234
    }
    if (dots >= 2) {
      return true; // 4.5.10, v1.2.3-rc1
    }
    if (letters > 0 && n > 6) {
      return true; // amber123456, JIRA-1234, 7f3a9c2e, build_20261203
    }
    return hex == n && n >= 7; // 9f86d08 (all digits/hex, seven or more)
  }
}
