package io.themewire.ingest.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Site furniture: short lines that are never article text on any site ("Leave a comment", cookie
 * notices, "Anzeige", "Lire la suite"). The vocabulary is data, one file per language under {@code
 * furniture/} beside this class ({@link #LANGUAGES}); a new language is a new file. All languages
 * apply to every page, since pages mix them (an English share bar on a German article). Structure
 * finds the content; this only trims the lines inside it.
 */
final class Furniture {

  /** The vocabulary files read, by language subtag. */
  static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "ja");

  /** Only paragraphs shorter than this can be furniture. */
  static final int MAX_CHARS = 250;

  /** Lines anchored at the start ({@code ^...}), tried only there; the rest, tried anywhere. */
  private static final Pattern AT_START = load(true);

  private static final Pattern ANYWHERE = load(false);

  private Furniture() {}

  /** True when a short paragraph is site furniture. */
  static boolean matches(String paragraph) {
    return paragraph.length() < MAX_CHARS
        && (AT_START.matcher(paragraph).lookingAt() || ANYWHERE.matcher(paragraph).find());
  }

  /** True for characters that end a sentence in the languages read here. */
  static boolean endsSentence(char c) {
    return switch (c) {
      case '.', '!', '?', '"', '\u201d', '\u00bb', '\u3002', '\uff01', '\uff1f', '\u300d' -> true;
      default -> false;
    };
  }

  private static Pattern load(boolean anchored) {
    List<String> alternatives = new ArrayList<>();
    for (String lang : LANGUAGES) {
      String name = "furniture/" + lang + ".txt";
      try (InputStream in = Furniture.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(
              "missing resource " + name + " beside " + Furniture.class);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String l = line.strip();
          if (!l.isEmpty() && !l.startsWith("#") && l.startsWith("^") == anchored) {
            Pattern.compile(l); // a bad line fails here, naming itself
            alternatives.add("(?:" + (anchored ? l.substring(1) : l) + ")");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
    }
    return Pattern.compile(
        alternatives.isEmpty() ? "(?!)" : String.join("|", alternatives),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
