package io.themewire.classify.theme;

/**
 * Labels a text with the themes of a taxonomy, the sentence behind each label, and the career move
 * it describes. Thread-safe; never throws for odd input (empty, huge, not English, binary): those
 * get primary {@code unclassified} or a truncated reading, with a flag saying so.
 */
public interface ThemeClassifier {

  /** Labels one text (title and body joined by a blank line, as {@code RawItem.fullText()}). */
  Classification classify(String text);
}
