package io.themewire.classify.nlp;

import java.util.List;

/** One sentence: its offsets in the annotated text, its text, and its tokens. */
public record Sentence(int begin, int end, String text, List<Token> tokens) {
  public Sentence {
    tokens = List.copyOf(tokens);
  }
}
